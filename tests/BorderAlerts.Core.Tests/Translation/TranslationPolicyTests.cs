using BorderAlerts.Core.Translation;

namespace BorderAlerts.Core.Tests.Translation;

/// <summary>What is worth sending to a translator: never text in the target language, never empty text.</summary>
public sealed class TranslationPolicyTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en", "en-US")]
    [InlineData("en", "EN_gb")]
    [InlineData("en-GB", "en-US")]
    [InlineData("zh", "zh-Hant-TW")]
    public void Text_whose_feed_is_in_the_target_language_is_never_sent(string target, string feedLanguage)
    {
        var plan = new TranslationPolicy(target).Plan(["Dandong customs seize coal"], feedLanguage, out var reason);

        Assert.Null(plan);
        Assert.StartsWith("already in", reason);
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("ko")]
    [InlineData(null)] // no language tag: the provider detects it
    [InlineData("")]
    [InlineData("eng")] // another language's code that only starts like the target's
    public void Text_in_another_or_an_unknown_language_is_sent(string? feedLanguage)
    {
        var plan = new TranslationPolicy("en").Plan(["丹东海关", "查获煤炭"], feedLanguage, out _);

        Assert.Equal([0, 1], plan!.Positions);
        Assert.Equal(8, plan.Characters);
    }

    [Fact]
    public void Empty_texts_are_skipped_and_not_counted()
    {
        var plan = new TranslationPolicy("en").Plan(["", "丹东", "   ", "煤炭"], "zh", out _);

        Assert.Equal([1, 3], plan!.Positions);
        Assert.Equal(4, plan.Characters);
    }

    [Fact]
    public void Nothing_but_empty_text_sends_nothing()
    {
        var plan = new TranslationPolicy("en").Plan(["", " "], "zh", out var reason);

        Assert.Null(plan);
        Assert.Equal("nothing to translate", reason);
    }
}
