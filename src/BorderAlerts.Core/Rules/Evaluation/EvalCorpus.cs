using System.Text.Json;

namespace BorderAlerts.Core.Rules.Evaluation;

/// <summary>
/// One labelled item: what a rule sees, and whether an analyst wants an alert for it. <see cref="Expect"/> optionally
/// names the rules that should fire (per-rule recall is measured only over items that name some).
/// </summary>
public sealed record EvalItem(int Line, string Id, string Title, string Text, string? Lang, string? Source, bool Relevant, IReadOnlyList<string> Expect);

/// <summary>A line that could not be read, named by file and line; the rest of the file is still evaluated.</summary>
public sealed record EvalProblem(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

/// <summary>
/// Reads a labelled corpus: JSON lines with <c>title</c>, optional <c>text, lang, source, id</c>, and the label,
/// <c>relevant</c> (true/false) or <c>expect</c> (the rule ids that should fire; empty means not relevant). Blank
/// lines and lines starting with <c>#</c> are skipped; a malformed line becomes a problem and reading goes on.
/// </summary>
public static class EvalCorpus
{
    public static (IReadOnlyList<EvalItem> Items, IReadOnlyList<EvalProblem> Problems) Read(string file, TextReader reader)
    {
        var items = new List<EvalItem>();
        var problems = new List<EvalProblem>();
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            try
            {
                items.Add(Parse(number, line));
            }
            catch (JsonException e) { problems.Add(new EvalProblem(file, number, $"not JSON: {e.Message.Split(". ")[0]}")); }
            catch (FormatException e) { problems.Add(new EvalProblem(file, number, e.Message)); }
        }
        return (items, problems);
    }

    static EvalItem Parse(int number, string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("not a JSON object");
        var title = String(root, "title") ?? "";
        var text = String(root, "text") ?? "";
        if (title.Length == 0 && text.Length == 0) throw new FormatException("title: missing (an item needs a title or a text)");
        var expect = Expect(root);
        bool relevant = root.TryGetProperty("relevant", out var r)
            ? r.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new FormatException($"relevant: {r.GetRawText()} is not true or false"),
            }
            : expect is not null ? expect.Count > 0 : throw new FormatException("relevant: missing (label each line with \"relevant\": true|false or \"expect\": [rule ids])");
        var id = root.TryGetProperty("id", out var i) ? i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText() : $"line {number}";
        return new EvalItem(number, id, title, text, String(root, "lang"), String(root, "source"), relevant, expect ?? []);
    }

    static List<string>? Expect(JsonElement root)
    {
        if (!root.TryGetProperty("expect", out var e)) return null;
        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            throw new FormatException("expect: not a list of rule ids");
        return e.EnumerateArray().Select(x => x.GetString()!).ToList();
    }

    static string? String(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"{name}: not a string");
    }
}
