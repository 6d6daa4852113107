// Section headings with a "#" link to themselves (shown on hover and focus), so a reader or an
// instructor can copy a link to any section. Ids come from rehype-slug at build time.
import type { ComponentPropsWithoutRef } from 'react';
import { contentStrings as s } from './strings.ts';

function anchored(Tag: 'h2' | 'h3' | 'h4') {
  function Heading({ id, children, ...rest }: ComponentPropsWithoutRef<'h2'>) {
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
