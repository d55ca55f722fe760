// The hours before and after moving one account, as src/core/portfolio/workload.ts moveEffect
// computes them (c/batonCore does not carry the portfolio core yet).
const tenth = (value) => Math.round(value * 10) / 10;

export function moveEffect(accountHours, fromId, toId, managers, capacityHours) {
  const hoursOf = (id) => managers.find((manager) => manager.accountManagerId === id)?.hours ?? 0;
  const side = (id, delta) => {
    const after = tenth(hoursOf(id) + delta);
    return {
      accountManagerId: id,
      hoursBefore: hoursOf(id),
      hoursAfter: after,
      overByAfter: Math.max(0, tenth(after - capacityHours))
    };
  };
  return { from: side(fromId, -accountHours), to: side(toId, accountHours) };
}
