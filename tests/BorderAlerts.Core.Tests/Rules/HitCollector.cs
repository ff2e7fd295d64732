using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Tests.Rules;

/// <summary>Keeps every hit an automaton reports, in order: pattern id, start and end in the scanned text.</summary>
sealed class HitCollector : Automaton.IHitSink
{
    public List<(int Pattern, int Start, int End)> Hits { get; } = [];

    public void OnHit(int patternId, int start, int end) => Hits.Add((patternId, start, end));
}
