// Section headings with a "#" link to themselves (shown on hover and focus), so a reader or an
// instructor can copy a link to any section. Ids come from rehype-slug at build time; in the built
// site a heading of text only has neither its words nor its id in the chapter's script: its text
// is fixed markup `k`, and its id is read from the page by the same number (staticHtmlStore.ts).
import { isValidElement, useContext, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { ChapterSlug } from './StaticHtml.tsx';
import { headingIdOf } from './staticHtmlStore.ts';
import { contentStrings as s } from './strings.ts';

/** The number of the fixed markup a heading's text is, when its one child is that markup. */
function markupNumber(children: ReactNode): number | undefined {
  if (!isValidElement<{ k?: unknown }>(children)) return undefined;
  return typeof children.props.k === 'number' ? children.props.k : undefined;
}

function anchored(Tag: 'h2' | 'h3' | 'h4') {
  function Heading({ id: given, children, ...rest }: ComponentPropsWithoutRef<'h2'>) {
    const slug = useContext(ChapterSlug);
    const k = given ? undefined : markupNumber(children);
    const id = given ?? (k === undefined ? undefined : headingIdOf(slug, k));
    if (!id) return <Tag {...rest}>{children}</Tag>;
    return (
      <Tag id={id} {...rest}>
        {children}
        <a className="heading-anchor" href={`#${id}`} aria-label={s.sectionLink}>
          #
        </a>
      </Tag>
    );
  }
  Heading.displayName = `Anchored${Tag.toUpperCase()}`;
  return Heading;
}

export const H2 = anchored('h2');
export const H3 = anchored('h3');
export const H4 = anchored('h4');

/** Wide tables scroll sideways on a phone instead of widening the page. */
export function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={s.wideTable}>
      <table {...props} />
    </div>
  );
}
