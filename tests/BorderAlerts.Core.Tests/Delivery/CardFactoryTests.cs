using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Tests.Delivery;

/// <summary>What a card says to someone who cannot read the source: glossed terms, the outlet's kind, other rules, the story.</summary>
public class CardFactoryTests
{
    const string Rules = """
        concepts:
          dandong: { label: Dandong, aliases: [丹东, 丹東, 단둥, Dandong] }
          smuggling: [走私, 밀수]
        rules:
          - id: border-smuggling
            query: '@dandong AND (@smuggling OR 查获)'
            severity: high
          - id: dandong-any
            query: '@dandong'
            severity: low
        """;

    static readonly FeedDefinition Kyodo = new()
    {
        Id = "kyodo-zh-hant", Name = "Kyodo", Url = new Uri("https://kyodo.example/rss"), Language = "zh-Hant", Kind = "wire",
    };

    static AlertCard Card(string title, StoryStanding? story = null, FeedDefinition? feed = null)
    {
        var rules = RuleSet.Compile(RulesFile.Parse(Rules, "rules.yaml"));
        var matches = rules.Matcher.Match(new MatchInput(title, ""));
        var lead = matches[0];
        var alert = new AlertSnapshot(7, (feed ?? Kyodo).Id, title, null, "", "zh-Hant", null, lead.RuleId, lead.RuleName, lead.Severity, lead.Terms)
        {
            AlsoMatched = matches.Skip(1).Select(m => new AlsoMatchedRule(m.RuleId, m.Severity)).ToList(),
            Story = story,
        };
        return new CardFactory(new Catalog(feed ?? Kyodo), new Source(rules)).Build(alert);
    }

    [Fact]
    public void Matched_terms_are_glossed_with_their_concepts_label_and_literal_words_are_shown_as_they_are()
    {
        var card = Card("丹東海關查获走私煤炭 Dandong");
        Assert.Equal(["丹東 → Dandong", "查获", "走私", "Dandong"], card.Terms);
    }

    [Fact]
    public void The_card_names_the_sources_kind_and_every_other_rule_with_its_severity()
    {
        var card = Card("丹東海關查获走私煤炭");
        Assert.Equal("wire", card.SourceKind);
        Assert.Equal(("border-smuggling", Severity.High), (card.RuleId, card.Severity));
        Assert.Equal("dandong-any (low)", Assert.Single(card.AlsoMatched).ToString());
        Assert.Null(Card("丹東海關查获走私", feed: Kyodo with { Kind = null }).SourceKind);
    }

    [Theory]
    [InlineData(true, 1, "First report of this story")]
    [InlineData(true, 2, "First report of this story · 1 more outlet since")]
    [InlineData(true, 4, "First report of this story · 3 more outlets since")]
    [InlineData(false, 3, "Not the first report · 3 outlets so far")]
    public void The_story_line_says_whether_this_is_the_first_report_or_how_many_outlets_have_reported_it(bool first, int outlets, string line) =>
        Assert.Equal(line, Card("丹東海關查获走私", new StoryStanding(first, outlets)).Story);

    [Fact]
    public void An_item_in_no_story_has_no_story_line() => Assert.Null(Card("丹東海關查获走私").Story);

    static AlertCard Linked(string language, CardLanguageOptions? options)
    {
        var rules = RuleSet.Compile(RulesFile.Parse(Rules, "rules.yaml"));
        var alert = new AlertSnapshot(8, Kyodo.Id, "丹东口岸", new Uri("https://example.org/zh/1"), "", language, null, "dandong-any", "Dandong", Severity.Low, []);
        return new CardFactory(new Catalog(Kyodo), new Source(rules), options).Build(alert);
    }

    /// <summary>The public translator link tells Google which article the team reads: off unless turned on.</summary>
    [Fact]
    public void Cards_carry_no_public_translator_link_unless_it_is_turned_on()
    {
        Assert.Null(Linked("zh-Hant", null).TranslateUrl);
        Assert.Null(Linked("zh-Hant", new CardLanguageOptions()).TranslateUrl);
    }

    [Theory]
    [InlineData("en", "zh-Hant", "https://translate.google.com/translate?sl=auto&tl=en&u=https%3A%2F%2Fexample.org%2Fzh%2F1")]
    [InlineData("en", "en-US", null)]
    [InlineData("ja", "zh-Hant", "https://translate.google.com/translate?sl=auto&tl=ja&u=https%3A%2F%2Fexample.org%2Fzh%2F1")]
    [InlineData("ja", "ja", null)]
    public void Turned_on_the_public_translator_link_is_for_items_not_in_the_target_language(string target, string language, string? expected) =>
        Assert.Equal(expected, Linked(language, new CardLanguageOptions(target, PublicTranslatorLink: true)).TranslateUrl?.ToString());

    sealed class Catalog(FeedDefinition feed) : IFeedCatalog
    {
        public (IReadOnlyList<FeedDefinition> Feeds, int Version) Current() => ([feed], 1);
    }

    sealed class Source(RuleSet rules) : IRuleSource
    {
        public RuleSet Current => rules;
    }
}
