using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Benchmarks.Translation;

/// <summary>
/// The figures per condition: added delay per card against off (the card in the same slot, the same place of the same
/// claim, in the same run: the slot decides which message of the pass carries a card, whatever the item),
/// claim to send, and the p95 from first sighting to delivery per run; then the verdict against the two targets.
/// </summary>
public static class TranslationLatencyReport
{
    /// <summary>What a timer may overshoot by (the wake-up after the 2 s wait ends), allowed on top of the wait.</summary>
    public static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    public static int Write(TextWriter output, IReadOnlyList<ConditionRun> runs, TranslationLatencyOptions o)
    {
        var off = runs.Where(r => r.Condition.Behaviour == TranslatorBehaviour.Off).ToDictionary(r => r.Run, r => r.Cards.ToDictionary(c => c.Slot));
        output.WriteLine();
        output.WriteLine("condition  cards      translated  added vs off p50 / p95 / max     claim→send p50 / p95 / max     sighting→delivery p95 (per run)          requests  notices");
        var worst = (Name: "", Added: TimeSpan.MinValue);
        var missing = 0;
        foreach (var group in runs.GroupBy(r => r.Condition.Name))
        {
            var cards = group.SelectMany(r => r.Cards).ToList();
            missing += group.Sum(r => r.Expected - r.Cards.Count);
            var added = group.SelectMany(r => r.Cards.Where(c => off[r.Run].ContainsKey(c.Slot))
                .Select(c => c.ClaimToSend - off[r.Run][c.Slot].ClaimToSend)).ToList();
            if (added.Count > 0 && added.Max() > worst.Added) worst = (group.Key, added.Max());
            var p95s = group.Select(r => Percentile(r.Cards.Select(c => c.SeenToDelivered), 0.95)).ToList();
            output.WriteLine($"{group.Key,-10} {cards.Count,5}/{group.Sum(r => r.Expected),-5} {cards.Count(c => c.Translated),10}  " +
                $"{Three(added),-32} {Three(cards.Select(c => c.ClaimToSend).ToList()),-30} " +
                $"{Ms(Percentile(cards.Select(c => c.SeenToDelivered), 0.95)),7} ({string.Join(", ", p95s.Select(Ms))}){"",-4} " +
                $"{group.Sum(r => r.TranslateRequests),8} {group.Sum(r => r.Notices),8}");
        }
        output.WriteLine();
        var ok = worst.Added <= CardTranslator.Wait + TimerSlack && missing == 0;
        output.WriteLine($"target 1, no card delayed more than {CardTranslator.Wait.TotalSeconds:0} s (+{Ms(TimerSlack)} timer slack): worst added delay {Ms(worst.Added)} ({worst.Name}); " +
            $"{missing} card(s) not delivered: {(ok ? "PASS" : "FAIL")}");
        var offP95 = runs.Where(r => r.Condition.Behaviour == TranslatorBehaviour.Off).Select(r => Percentile(r.Cards.Select(c => c.SeenToDelivered), 0.95)).ToList();
        var downP95 = runs.Where(r => r.Condition.Behaviour == TranslatorBehaviour.Down).Select(r => Percentile(r.Cards.Select(c => c.SeenToDelivered), 0.95)).ToList();
        if (downP95.Count > 0)
            output.WriteLine($"target 2, p95 first sighting→delivery with the translator down vs off: {Ms(Mean(downP95))} vs {Ms(Mean(offP95))} " +
                $"(mean of the runs' p95; off's runs {Ms(offP95.Min())}–{Ms(offP95.Max())}, down's {Ms(downP95.Min())}–{Ms(downP95.Max())})");
        return ok ? 0 : 1;
    }

    static string Three(IReadOnlyList<TimeSpan> values) => values.Count == 0 ? "-"
        : $"{Ms(Percentile(values, 0.5))} / {Ms(Percentile(values, 0.95))} / {Ms(values.Max())}";

    /// <summary>Nearest-rank percentile.</summary>
    public static TimeSpan Percentile(IEnumerable<TimeSpan> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    static TimeSpan Mean(IReadOnlyList<TimeSpan> values) => TimeSpan.FromTicks((long)values.Average(v => v.Ticks));

    static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";
}
