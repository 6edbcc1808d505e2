export function ComposePage() {
  return (
    <section aria-labelledby="compose-heading" className="space-y-4">
      <h2 id="compose-heading" className="text-base font-semibold">
        New message
      </h2>
    </section>
  );
}
