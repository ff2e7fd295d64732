using BorderAlerts.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Tests.Settings;

/// <summary>
/// Each concern's settings bind from their own section, as users write the keys, and are injected on their own; a bad
/// value is refused naming its key in full, and every concern's problems are reported together.
/// </summary>
public sealed class SettingsBindingTests
{
    static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("BorderAlerts:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddBorderAlertsSettings(configuration).BuildServiceProvider();
    }

    static T Settings<T>(ServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;

    public static TheoryData<string, string, Func<ServiceProvider, object?>> OneKeyPerConcern() => new()
    {
        { "ConfigDir", "/etc/borderalerts", s => Settings<PathSettings>(s).ConfigDir },
        { "DataDir", "/var/lib/borderalerts", s => Settings<PathSettings>(s).DataDir },
        { "Storage:ConnectionString", "Data Source=alerts.db", s => Settings<StorageSettings>(s).ConnectionString },
        { "Fetch:MaxRedirects", "3", s => Settings<FetchSettings>(s).MaxRedirects },
        { "Polling:TickSeconds", "7", s => Settings<PollingSettings>(s).TickSeconds },
        { "Delivery:MaxAttempts", "4", s => Settings<DeliverySettings>(s).MaxAttempts },
        { "Discord:ApplicationId", "1234", s => Settings<DiscordSettings>(s).ApplicationId },
        { "Slack:TeamIds:0", "T42", s => Settings<SlackSettings>(s).TeamIds.Single() },
        { "Destinations:ops:Type", "console", s => Settings<DestinationSettings>(s).Destinations["ops"].Type },
        { "AdminDestination", "console", s => Settings<DestinationSettings>(s).AdminDestination },
        { "Translation:TargetLanguage", "de", s => Settings<TranslationSettings>(s).TargetLanguage },
    };

    [Theory]
    [MemberData(nameof(OneKeyPerConcern))]
    public void Each_concern_binds_its_keys_from_its_own_section(string key, string value, Func<ServiceProvider, object?> read)
    {
        using var services = Services((key, value));

        var bound = read(services);

        Assert.Equal(value, bound?.ToString());
    }

    [Fact]
    public void A_concern_keeps_its_defaults_when_another_section_is_set()
    {
        using var services = Services(("Delivery:TickSeconds", "9"), ("Fetch:TimeoutSeconds", "9"));

        Assert.Equal(5, Settings<PollingSettings>(services).TickSeconds);
        Assert.Equal(9, Settings<DeliverySettings>(services).TickSeconds);
        Assert.Equal(9, Settings<FetchSettings>(services).TimeoutSeconds);
    }

    [Fact]
    public void The_feeds_and_rules_files_are_in_the_config_folder()
    {
        using var services = Services(("ConfigDir", "/etc/borderalerts"));

        var paths = Settings<PathSettings>(services);

        Assert.Equal((Path.Combine("/etc/borderalerts", "feeds.yaml"), Path.Combine("/etc/borderalerts", "rules.yaml")), (paths.FeedsFile, paths.RulesFile));
    }

    public static TheoryData<string, string, Func<ServiceProvider, object>, string> OneBadValuePerConcern() => new()
    {
        { "ConfigDir", " ", s => Settings<PathSettings>(s), "BorderAlerts:ConfigDir: must not be empty" },
        { "Storage:Provider", "mysql", s => Settings<StorageSettings>(s), "BorderAlerts:Storage:Provider: 'mysql' is not sqlite or postgres" },
        { "Fetch:TimeoutSeconds", "0", s => Settings<FetchSettings>(s), "BorderAlerts:Fetch:TimeoutSeconds: 0 is outside 1–600" },
        { "Polling:TickSeconds", "0", s => Settings<PollingSettings>(s), "BorderAlerts:Polling:TickSeconds: 0 is outside 1–3600" },
        { "Delivery:MaxAttempts", "0", s => Settings<DeliverySettings>(s), "BorderAlerts:Delivery:MaxAttempts: 0 is outside 1–100" },
        { "Discord:ApiBaseUrl", "discord", s => Settings<DiscordSettings>(s), "BorderAlerts:Discord:ApiBaseUrl: is not an absolute address" },
        { "Slack:ApiBaseUrl", "slack", s => Settings<SlackSettings>(s), "BorderAlerts:Slack:ApiBaseUrl: is not an absolute address" },
        { "Destinations:ops:Type", "fax", s => Settings<DestinationSettings>(s), "BorderAlerts:Destinations:ops:Type: 'fax' is not one of discord-webhook, discord-bot, slack, slack-webhook, email, console" },
        { "AdminDestination", "ops", s => Settings<DestinationSettings>(s), "BorderAlerts:AdminDestination: 'ops' is not a configured destination" },
        { "Translation:Provider", "x", s => Settings<TranslationSettings>(s), "BorderAlerts:Translation:Provider: 'x' is not one of none, libretranslate, deepl" },
    };

    [Fact]
    public void An_email_destination_needs_a_mail_server_recipients_and_a_sender_each_named()
    {
        using var services = Services(("Destinations:mail:Type", "email"), ("Destinations:mail:Url", "https://mail.example"),
            ("Destinations:mail:Channel", "analysts@example.org, not-an-address"));

        var refused = Assert.Throws<OptionsValidationException>(() => Settings<DestinationSettings>(services));

        Assert.Equal([
            "BorderAlerts:Destinations:mail:Url: is required: the mail server as smtp://[user@]host[:port] or smtps://… (the password goes in Token)",
            "BorderAlerts:Destinations:mail:Channel: is required: the recipients' addresses, comma-separated",
            "BorderAlerts:Destinations:mail:From: is required: the sender's address"], refused.Failures);
    }

    [Theory]
    [InlineData("smtp://", "is required: the mail server as smtp://[user@]host[:port] or smtps://… (the password goes in Token)")]
    [InlineData("smtp:mail.example.org:587", "is required: the mail server as smtp://[user@]host[:port] or smtps://… (the password goes in Token)")]
    [InlineData("smtp://briefs:s3cret@mail.example.org", "must not hold a password (user:pass@): give only the user and put the password in Token")]
    public void An_email_server_address_without_a_host_or_with_a_password_in_it_is_refused_naming_the_key_not_the_value(string url, string problem)
    {
        using var services = Services(("Destinations:mail:Type", "email"), ("Destinations:mail:Url", url),
            ("Destinations:mail:Channel", "analysts@example.org"), ("Destinations:mail:From", "alerts@example.org"));

        var refused = Assert.Throws<OptionsValidationException>(() => Settings<DestinationSettings>(services));

        Assert.Equal(["BorderAlerts:Destinations:mail:Url: " + problem], refused.Failures);
        Assert.DoesNotContain("s3cret", string.Join(" ", refused.Failures));
    }

    [Theory]
    [MemberData(nameof(OneBadValuePerConcern))]
    public void A_bad_value_is_refused_by_its_own_concern_naming_the_full_key(string key, string value, Func<ServiceProvider, object> read, string expected)
    {
        using var services = Services((key, value));

        var refused = Assert.Throws<OptionsValidationException>(() => read(services));
        Assert.Equal([expected], refused.Failures);
    }

    [Fact]
    public void A_word_where_a_number_goes_is_refused_while_registering_naming_the_key_not_the_value()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Services(("Delivery:FloodBudget", "plenty"), ("Polling:ClaimBatch", "lots")));

        Assert.Equal(["BorderAlerts:Polling:ClaimBatch: is not a whole number", "BorderAlerts:Delivery:FloodBudget: is not a whole number"], refused.Failures);
    }

    [Fact]
    public void Every_concern_is_checked_at_once_and_all_problems_are_reported_together()
    {
        using var services = Services(("Storage:Provider", "mysql"), ("Delivery:MaxAttempts", "0"), ("Slack:ApiBaseUrl", "slack"));

        var refused = Assert.Throws<OptionsValidationException>(() => SettingsRegistration.ValidateAll(services));

        Assert.Equal([
            "BorderAlerts:Storage:Provider: 'mysql' is not sqlite or postgres",
            "BorderAlerts:Slack:ApiBaseUrl: is not an absolute address",
            "BorderAlerts:Delivery:MaxAttempts: 0 is outside 1–100",
        ], refused.Failures);
    }

    [Fact]
    public void A_bad_fetch_timeout_does_not_hide_the_lease_that_is_too_short_for_it()
    {
        using var services = Services(("Fetch:TimeoutSeconds", "700"), ("Polling:LeaseSeconds", "300"));

        var refused = Assert.Throws<OptionsValidationException>(() => SettingsRegistration.ValidateAll(services));

        Assert.Equal([
            "BorderAlerts:Fetch:TimeoutSeconds: 700 is outside 1–600",
            "BorderAlerts:Polling:LeaseSeconds: 300 must be at least twice Fetch:TimeoutSeconds, or a slow poll could be taken twice",
        ], refused.Failures);
    }

    [Theory]
    [InlineData("slack", "Slack:BotToken")]
    [InlineData("discord-bot", "Discord:BotToken")]
    public void A_bot_destination_without_a_token_of_its_own_needs_the_platform_bot_token(string type, string platformToken)
    {
        (string, string)[] destination = [("Destinations:ops:Type", type), ("Destinations:ops:Channel", "C1")];
        using var without = Services(destination);
        using var with = Services([.. destination, (platformToken, "secret-token")]);

        var refused = Assert.Throws<OptionsValidationException>(() => Settings<DestinationSettings>(without));

        Assert.Equal([$"BorderAlerts:Destinations:ops:Token: is required (or set {platformToken})"], refused.Failures);
        Assert.Equal(type, Settings<DestinationSettings>(with).Destinations["ops"].Type);
    }
}
