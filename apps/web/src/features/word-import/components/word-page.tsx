import { useAuth } from '../../auth/hooks/use-auth';
import '../word-import.css';
import { WordExport } from './word-export';
import { WordImport } from './word-import';
import { WordSuggestions } from './word-suggestions';

/** Word round-trip: the secretariat imports drafts from Word; those who may suggest bring Word's tracked changes in; everyone downloads the agreement. */
export function WordPage() {
  const { user } = useAuth();
  const mayImport = user?.role === 'SECRETARIAT' || user?.role === 'ADMIN';
  // Whoever may read a draft may suggest in it, from Word too (the server decides per agreement).
  const maySuggest = mayImport || user?.role === 'CLUSTER' || user?.role === 'MUNICIPALITY';
  return (
    <section aria-labelledby="word-title" className="word-page">
      <h1 id="word-title">Word og udskrift</h1>
      <p className="muted">
        Hent et udkast ind fra Word, eller send aftalen videre som Word-dokument, som sammenligning med registrerede ændringer eller som udskriftsvenlig side.
      </p>
      {mayImport && <WordImport />}
      {maySuggest && <WordSuggestions />}
      <WordExport />
    </section>
  );
}
