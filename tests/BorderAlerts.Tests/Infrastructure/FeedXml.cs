using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>One RSS item as a test wants it; null fields are left out of the XML.</summary>
public sealed record Entry(string Title, string? Link = null, string? Guid = null, DateTimeOffset? Published = null, string? Text = null);

/// <summary>Writes RSS 2.0 feeds for tests that need generated or changing content.</summary>
public static class FeedXml
{
    public static byte[] Rss(string channel, IEnumerable<Entry> entries)
    {
        var items = entries.Select(e => new XElement("item",
            new XElement("title", e.Title),
            e.Link is null ? null : new XElement("link", e.Link),
            e.Guid is null ? null : new XElement("guid", new XAttribute("isPermaLink", "false"), e.Guid),
            e.Published is { } p ? new XElement("pubDate", Rfc822(p)) : null,
            e.Text is null ? null : new XElement("description", e.Text)));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("rss", new XAttribute("version", "2.0"),
                new XElement("channel", new XElement("title", channel), new XElement("link", "https://china.kyodonews.net/"), items)));
        return Encoding.UTF8.GetBytes(document.Declaration + "\n" + document.Root);
    }

    /// <summary>"Mon, 30 Nov 2026 09:15:00 +0900", as RSS wants it.</summary>
    public static string Rfc822(DateTimeOffset time) =>
        time.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.ToString("hhmm");

    /// <summary>A Kyodo-style feed of <paramref name="count"/> distinct items, newest first.</summary>
    public static byte[] Generated(int count)
    {
        var start = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));
        return Rss("共同网 (generated)", Enumerable.Range(0, count).Select(Story(start)));
    }

    /// <summary>The i-th generated story: a unique link and title about the border trade.</summary>
    public static Func<int, Entry> Story(DateTimeOffset start) => i => new Entry(
        $"丹东口岸第{i}批对朝货物通关 新义州方面确认接收",
        $"https://china.kyodonews.net/news/2026/11/gen{i:D6}-.html",
        Published: start.AddMinutes(-i),
        Text: $"【共同社电】第{i}批经丹东口岸运往新义州的货物完成通关手续。");
}
