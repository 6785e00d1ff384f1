/** Pieces shared by the public pages. */
import type { ArticleCardView, ImageView, LinkView } from '../../services/view-models.js';
import { dateParts } from './format.js';
import { Typo } from './typography.js';

/** A responsive image: AVIF/WebP sources, JPEG fallback, intrinsic size to avoid layout shift. */
export function Picture(props: { image: ImageView; sizes: string; eager?: boolean }) {
  const { image } = props;
  return (
    <picture>
      {image.sources.map((s) => (
        <source type={s.type} srcset={s.srcset} sizes={props.sizes} />
      ))}
      <img
        src={image.src}
        srcset={image.srcset || undefined}
        sizes={image.srcset ? props.sizes : undefined}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={props.eager ? 'eager' : 'lazy'}
        decoding={props.eager ? undefined : 'async'}
        fetchpriority={props.eager ? 'high' : undefined}
      />
    </picture>
  );
}

/** A date in a `<time>` element, written the French way. */
export function DateTime(props: { date: Date; timeZone: string; withTime?: boolean; class?: string }) {
  const parts = dateParts(props.date, props.timeZone);
  const text = props.withTime === false ? parts.short : parts.long;
  // "1er" takes its ordinal in superscript, as French typography writes it.
  const [before, after] = text.split(/(?<=\s1)er(?=\s)/);
  return (
    <time class={props.class} datetime={parts.iso}>
      {after === undefined ? (
        text
      ) : (
        <>
          {before}
          <sup>er</sup>
          {after}
        </>
      )}
    </time>
  );
}

/** "Par A et B", each name linking to the author's page. */
export function Byline(props: { authors: readonly LinkView[] }) {
  const { authors } = props;
  return (
    <span class="byline">
      Par{' '}
      {authors.map((a, i) => (
        <>
          {i > 0 ? (i === authors.length - 1 ? ' et ' : ', ') : null}
          <a href={a.url} rel="author">
            {a.name}
          </a>
        </>
      ))}
    </span>
  );
}

/** The trail from the home page to the current page. */
export function Breadcrumb(props: { items: readonly LinkView[] }) {
  return (
    <nav class="breadcrumb" aria-label="Fil d’Ariane">
      <ol>
        {props.items.map((item, i) => (
          <li>
            {i === props.items.length - 1 ? (
              <span aria-current="page">
                <Typo text={item.name} />
              </span>
            ) : (
              <a href={item.url}>{item.name}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Tag links. */
export function TagList(props: { tags: readonly LinkView[] }) {
  if (props.tags.length === 0) return null;
  return (
    <ul class="tags" aria-label="Mots-clés">
      {props.tags.map((t) => (
        <li>
          <a href={t.url} rel="tag">
            {t.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** An article in a listing. */
export function ArticleCard(props: { card: ArticleCardView; timeZone: string; headingLevel?: 2 | 3; lead?: boolean; eagerImage?: boolean }) {
  const { card } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <article class={props.lead ? 'card card-lead' : 'card'}>
      {card.image ? (
        <a href={card.url} class="card-image" tabIndex={-1} aria-hidden="true">
          <Picture image={card.image} sizes={props.lead ? '(min-width: 60em) 56rem, 100vw' : '(min-width: 40em) 20rem, 100vw'} eager={props.eagerImage} />
        </a>
      ) : null}
      <div class="card-text">
        <p class="kicker">
          <a href={card.category.url}>{card.category.name}</a>
        </p>
        <Heading class="card-title">
          <a href={card.url}>
            <Typo text={card.title} />
          </a>
        </Heading>
        {props.lead || props.headingLevel !== 3 ? (
          <p class="card-dek">
            <Typo text={card.dek} />
          </p>
        ) : null}
        <p class="card-meta">
          <Byline authors={card.authors} /> · <DateTime date={card.publishedAt} timeZone={props.timeZone} withTime={false} />
        </p>
      </div>
    </article>
  );
}

/** Previous/next links of a paginated listing. */
export function Pagination(props: { previousUrl: string | null; nextUrl: string | null; page: number }) {
  if (props.previousUrl === null && props.nextUrl === null) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      {props.previousUrl ? (
        <a href={props.previousUrl} rel="prev">
          ← Articles plus récents
        </a>
      ) : (
        <span />
      )}
      <span class="page-number">Page {props.page}</span>
      {props.nextUrl ? (
        <a href={props.nextUrl} rel="next">
          Articles plus anciens →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
