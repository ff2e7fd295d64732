using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// The link to Google's public translator tells Google which article the team reads: a card carries it only when an
/// operator has turned it on, and only for items not in the team's language.
/// </summary>
public sealed class PublicTranslatorLinkTests
{
    static AlertSnapshot Alert(string language) => new(1, "kyodo-zh", "丹东口岸", new Uri("https://example.org/zh/1"), "丹东口岸恢复通关。",
        language, null, "border", "Border", Severity.Normal, []);

    static CardFactory Cards(CardLanguageOptions? options)
    {
        var catalog = new InMemoryCatalog();
        catalog.Upsert([Feeds.Rss("kyodo-zh", new Uri("https://example.org/rss"), "zh-Hans")]);
        return new CardFactory(catalog, options);
    }

    [Fact]
    public void Cards_carry_no_public_translator_link_unless_it_is_turned_on()
    {
        Assert.Null(Cards(null).Build(Alert("zh-Hans")).TranslateUrl);
        Assert.Null(Cards(new CardLanguageOptions()).Build(Alert("zh-Hans")).TranslateUrl);
    }

    [Theory]
    [InlineData("en", "zh-Hans", "https://translate.google.com/translate?sl=auto&tl=en&u=https%3A%2F%2Fexample.org%2Fzh%2F1")]
    [InlineData("en", "en-US", null)]
    [InlineData("ja", "zh-Hans", "https://translate.google.com/translate?sl=auto&tl=ja&u=https%3A%2F%2Fexample.org%2Fzh%2F1")]
    [InlineData("ja", "ja", null)]
    public void Turned_on_it_links_items_not_in_the_target_language(string target, string language, string? expected)
    {
        var card = Cards(new CardLanguageOptions(target, PublicTranslatorLink: true)).Build(Alert(language));
        Assert.Equal(expected, card.TranslateUrl?.ToString());
    }
}
