using BorderAlerts.Core.Text;
using System.Text;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat;

/// <summary>The console destination: cards as a few lines of text, used when no chat is configured.</summary>
public sealed class ConsoleSink : IChatSink
{
    int _next;

    /// <summary>Standard output by default; `poll --json` moves cards to standard error to keep its output one JSON object.</summary>
    public TextWriter Output { get; set; } = Console.Out;

    public int MaxCardsPerMessage => 50;

    public Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var output = Output;
        lock (output) output.Write(Text(message));
        return Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Delivered($"console-{Interlocked.Increment(ref _next)}"));
    }

    /// <summary>A message as the console prints it; the plain-text part of an email too.</summary>
    public static string Text(ChatMessage message)
    {
        var text = new StringBuilder();
        switch (message)
        {
            case ChatMessage.Cards cards: foreach (var card in cards.Items) Card(text, card); break;
            case ChatMessage.Reply reply:
                text.Append("  ↳ also reported by ").Append(Clean(reply.Card.SourceName)).Append(reply.Card.Story is { } story ? $" ({story})" : "")
                    .Append(": ").AppendLine(Clean(reply.Card.Title));
                break;
            case ChatMessage.Digest digest:
                text.Append("[DIGEST] ").Append(Clean(digest.RuleName)).Append(": ").AppendLine(Clean(digest.Note));
                foreach (var card in digest.Items) text.Append("  • ").AppendLine(Clean(card.Title));
                break;
            case ChatMessage.Notice notice: text.Append("[NOTICE] ").AppendLine(Clean(notice.Text)); break;
            case ChatMessage.Report report: text.Append(Describe(report.Content)); break;
        }
        return text.ToString();
    }

    static void Card(StringBuilder text, AlertCard card)
    {
        text.Append("[ALERT ").Append(card.Severity.ToString().ToUpperInvariant()).Append("] ").Append(card.RuleId)
            .Append(ChatText.AlsoMatched(card, Clean)).Append(" · ").Append(card.SourceId).Append(card.SourceKind is { } kind ? $" · {kind}" : "").Append(card.Language is { } lang ? $" · {Clean(lang)}" : "")
            .Append(card.PublishedUtc is { } published ? $" · {published:yyyy-MM-dd HH:mm}Z" : "").AppendLine()
            .Append("  ").AppendLine(Clean(card.Title));
        if (card.Url is { } url) text.Append("  ").AppendLine(url.ToString());
        if (card.Summary.Length > 0) text.Append("  ").AppendLine(Clean(TextCut.Truncate(card.Summary, 300)));
        if (card.Translation is { } translation)
            text.Append($"  machine translation ({Clean(translation.Provider)}): ").AppendLine(Clean(TextCut.Truncate(
                translation.Summary.Length > 0 ? $"{translation.Title} — {translation.Summary}" : translation.Title, 400)));
        foreach (var designation in card.Designations) text.Append("  designated: ").AppendLine(Clean(ChatText.Designation(designation, t => t, url => url.ToString())));
        text.Append("  matched: ").AppendLine(Clean(string.Join(", ", card.Terms)));
        if (card.Story is { } story) text.Append("  ").AppendLine(story);
    }

    /// <summary>
    /// A briefing as text: title, summary, each heading and its lines; the chart is only named (a terminal shows no picture).
    /// Defused like chat text, as it is also an email's text and may be pasted on: no feed title mentions anyone.
    /// </summary>
    public static string Describe(ChatReport report)
    {
        var text = new StringBuilder();
        text.Append("[BRIEFING] ").AppendLine(ChatText.Defuse(report.Title)).Append("  ").AppendLine(ChatText.Defuse(report.Summary));
        foreach (var section in report.Sections)
        {
            text.Append("  ").AppendLine(ChatText.Defuse(section.Heading));
            foreach (var line in section.Lines)
                text.Append("    • ").Append(ChatText.Defuse(line.Text)).Append(line.Link is { } url ? $" <{url.AbsoluteUri}>" : "").AppendLine(line.Detail is { } d ? " — " + ChatText.Defuse(d) : "");
        }
        if (report.Image is { } image) text.Append("  chart: ").Append(image.FileName).Append(" (").Append(ChatText.Defuse(image.Description)).AppendLine(")");
        return text.ToString();
    }

    /// <summary>Feed text may carry terminal escape sequences; none reach the operator's terminal.</summary>
    static string Clean(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
