import { ElectionResults } from '@shailoo/contracts';
import { CouncilDataset } from '@shailoo/election';

/**
 * The table a person reads: each party as named in the data, its votes, share and seats. The
 * figures are those the seats were allocated on — the final ones (the commissions' protocols, the
 * boxes where none came) once the seats are final, the boxes' before — and the table says which.
 */
export function formatResultsTable(results: ElectionResults, dataset?: CouncilDataset): string {
  const published = new Map(dataset?.parties.map((p) => [p.id, p.seats]));
  const final = results.seatsStatus === 'final';
  const figures = final ? results.final : results.preliminary;
  const votesOf = (p: ElectionResults['parties'][number]) => (final ? p.finalVotes : p.votes);
  const turnout = results.registeredVoters ? figures.ballotsInBox / results.registeredVoters : 0;
  const nameWidth = Math.max(5, ...results.parties.map((p) => p.name.length));
  const lines = [
    `${results.electionName} — ${results.precinctsReporting} of ${results.precinctsTotal} precincts, ` +
      `${figures.ballotsInBox} ballots of ${results.registeredVoters} voters (${(turnout * 100).toFixed(2)}%), ${figures.invalidBallots} invalid; ` +
      `seats ${results.seatsStatus}`,
    final
      ? "Final figures: the commissions' protocols, the ballot boxes' counts where no protocol came; the seats were allocated on them."
      : "Preliminary figures: the ballot boxes' counts; the seats are provisional until every precinct has reported or the count is closed.",
    '',
    `${'Party'.padEnd(nameWidth)}  ${'Votes'.padStart(7)}  ${'Share'.padStart(6)}  ${'Seats'.padStart(5)}${dataset ? '  Published' : ''}`,
  ];
  for (const p of results.parties.slice().sort((a, b) => votesOf(b) - votesOf(a))) {
    const share = figures.ballotsInBox ? ((votesOf(p) / figures.ballotsInBox) * 100).toFixed(2) + '%' : '-';
    lines.push(
      `${p.name.padEnd(nameWidth)}  ${String(votesOf(p)).padStart(7)}  ${share.padStart(6)}  ${String(p.seats ?? '-').padStart(5)}` +
        (dataset ? `  ${String(published.get(p.id) ?? '-').padStart(9)}` : ''),
    );
  }
  const seats = results.parties.reduce((s, p) => s + (p.seats ?? 0), 0);
  lines.push(
    `${'Total'.padEnd(nameWidth)}  ${String(results.parties.reduce((s, p) => s + votesOf(p), 0)).padStart(7)}  ${''.padStart(6)}  ${String(seats).padStart(5)}`,
  );
  return lines.join('\n');
}
