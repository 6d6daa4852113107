// The shell's hook, offered to the figures through the kit.
export { useOnScreen } from '../../book/useOnScreen.ts';
