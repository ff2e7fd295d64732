using BorderAlerts.Core.Briefings;

namespace BorderAlerts.Cli;

/// <summary>`briefings run --json`: the brief (window, counts, top stories by rule, the volume series), and for a real run what each destination said.</summary>
public static class BriefingJson
{
    public static object Of(BriefingPost? post, BriefingResult? result) => new
    {
        briefing = post?.Brief.BriefingId,
        outcome = result is null ? "dry-run" : result.Outcome.ToString().ToLowerInvariant(),
        destinations = result?.Destinations.Select(d => new { name = d.Key, error = d.Value }),
        brief = post is { Brief: var b } ? new
        {
            from = b.From, to = b.To, timezone = b.TimeZone.Id, quiet = b.Quiet, items = b.Items, stories = b.Stories,
            groups = b.Groups.Select(g => new
            {
                rule = g.RuleId, name = g.RuleName,
                stories = g.Stories.Select(s => new
                {
                    title = s.Title, translatedTitle = s.TranslatedTitle, url = s.Url?.ToString(), source = s.Source, language = s.Language,
                    severity = s.Severity.ToString().ToLowerInvariant(), outlets = s.Outlets, reports = s.Reports, latest = s.Latest,
                }),
            }),
            sources = b.Sources.ToDictionary(c => c.Name, c => c.Items),
            languages = b.Languages.ToDictionary(c => c.Name, c => c.Items),
            volume = new { start = b.Volume.Start, bucketSeconds = b.Volume.Bucket.TotalSeconds, windowStart = b.Volume.WindowStart, counts = b.Volume.Counts },
            summary = post.Report.Summary,
            chart = post.Report.Image is { } image ? new { file = image.FileName, bytes = image.Png.Length, description = image.Description } : null,
        } : null,
    };
}
