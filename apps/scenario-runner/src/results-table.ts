import { ElectionResults } from '@shailoo/contracts';
import { CouncilDataset } from '@shailoo/election';

/** The final table a person reads: each party as named in the data, its votes, share and seats. */
export function formatResultsTable(results: ElectionResults, dataset?: CouncilDataset): string {
  const published = new Map(dataset?.parties.map((p) => [p.id, p.seats]));
  const nameWidth = Math.max(5, ...results.parties.map((p) => p.name.length));
  const lines = [
    `${results.electionName} — ${results.precinctsReporting} of ${results.precinctsTotal} precincts, ` +
      `${results.preliminary.ballotsInBox} ballots of ${results.registeredVoters} voters (${(results.turnout * 100).toFixed(1)}%), ${results.preliminary.invalidBallots} invalid; ` +
      `seats ${results.seatsStatus}`,
    '',
    `${'Party'.padEnd(nameWidth)}  ${'Votes'.padStart(7)}  ${'Share'.padStart(6)}  ${'Seats'.padStart(5)}${dataset ? '  Published' : ''}`,
  ];
  for (const p of results.parties.slice().sort((a, b) => b.votes - a.votes)) {
    const share = results.preliminary.ballotsInBox ? ((p.votes / results.preliminary.ballotsInBox) * 100).toFixed(2) + '%' : '-';
    lines.push(
      `${p.name.padEnd(nameWidth)}  ${String(p.votes).padStart(7)}  ${share.padStart(6)}  ${String(p.seats ?? '-').padStart(5)}` +
        (dataset ? `  ${String(published.get(p.id) ?? '-').padStart(9)}` : ''),
    );
  }
  const seats = results.parties.reduce((s, p) => s + (p.seats ?? 0), 0);
  lines.push(
    `${'Total'.padEnd(nameWidth)}  ${String(results.parties.reduce((s, p) => s + p.votes, 0)).padStart(7)}  ${''.padStart(6)}  ${String(seats).padStart(5)}`,
  );
  return lines.join('\n');
}
