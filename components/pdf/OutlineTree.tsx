/** The PDF's own outline (bookmarks), when it has one: a nested list of links into the document. */
import type { OutlineItem } from '@/pdf/viewer';

export function OutlineTree({
  items,
  onGo,
}: {
  items: OutlineItem[];
  onGo(dest: OutlineItem['dest']): void;
}) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>
          <button type="button" class="pdf-outline-item" onClick={() => onGo(item.dest)}>
            {item.title}
          </button>
          {item.items.length > 0 && <OutlineTree items={item.items} onGo={onGo} />}
        </li>
      ))}
    </ul>
  );
}
