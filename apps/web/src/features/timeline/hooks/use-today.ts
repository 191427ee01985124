import { useEffect, useState } from 'react';
import { todayIso } from '../lib/dates';

/** Today's date ('YYYY-MM-DD'), which changes at midnight while the page is open. */
export function useToday(): string {
  const [today, setToday] = useState(() => todayIso());
  useEffect(() => {
    const timer = window.setInterval(() => setToday(todayIso()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}
