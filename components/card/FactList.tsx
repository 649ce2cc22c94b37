/** A definition-list row of a few values, the rest counted ("and 3 more"). */
const MAX_LISTED = 4;

export function FactList({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  const more = items.length - MAX_LISTED;
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>
        {items.slice(0, MAX_LISTED).join(' · ')}
        {more > 0 && <span class="muted"> and {more} more</span>}
      </dd>
    </div>
  );
}
