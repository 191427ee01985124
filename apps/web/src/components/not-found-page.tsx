import { Link } from 'react-router';

/** An address no route has (a mistyped or an old link): say so, and offer the way back. */
export function NotFoundPage() {
  return (
    <section className="card not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Siden findes ikke</h1>
      <p>Adressen passer ikke til en side i Aftalerum. Måske er linket skrevet forkert, eller siden er flyttet.</p>
      <p>
        <Link to="/">Gå til forsiden</Link> og find aftalen derfra.
      </p>
    </section>
  );
}
