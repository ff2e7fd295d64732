using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>
/// Binds each concern's settings to its own section, each with its own check, all validated at start
/// (docs/architecture.md §8). A problem names its key in full; a value is never repeated, it may be a secret.
/// </summary>
public static class SettingsRegistration
{
    const string Root = "BorderAlerts";

    public static IServiceCollection AddBorderAlertsSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var unreadable = new List<string>();
        // In the order the problems are reported.
        services.AddSettings(configuration, new StorageSettingsValidator(), unreadable)
            .AddSettings(configuration, new PathSettingsValidator(), unreadable)
            .AddSettings(configuration, new FetchSettingsValidator(), unreadable)
            .AddSettings(configuration, new PollingSettingsValidator(configuration), unreadable)
            .AddSettings(configuration, new DestinationSettingsValidator(configuration), unreadable)
            .AddSettings(configuration, new DiscordSettingsValidator(), unreadable)
            .AddSettings(configuration, new SlackSettingsValidator(), unreadable)
            .AddSettings(configuration, new DeliverySettingsValidator(), unreadable)
            .AddSettings(configuration, new TranslationSettingsValidator(), unreadable)
            .AddSettings(configuration, new PanelSettingsValidator(), unreadable)
            .AddSettings(configuration, new WebSubSettingsValidator(), unreadable);
        // A word where a number goes would make the binder throw with a stack trace: name the key instead.
        if (unreadable.Count > 0) throw new OptionsValidationException(Root, typeof(ISettingsSection), unreadable);
        return services;
    }

    /// <summary>One concern's settings as written, unvalidated: for what must be decided while services are registered.</summary>
    public static T GetSettings<T>(this IConfiguration configuration) where T : class, ISettingsSection, new() =>
        configuration.GetSection(T.Section).Get<T>() ?? new T();

    /// <summary>Checks every concern now, as the host does at start, and reports all their problems together.</summary>
    public static void ValidateAll(IServiceProvider services)
    {
        try { services.GetRequiredService<IStartupValidator>().Validate(); }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures);
            throw new OptionsValidationException(Root, typeof(ISettingsSection), failures);
        }
    }

    static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfiguration configuration, IValidateOptions<T> validator,
        List<string> unreadable) where T : class, ISettingsSection
    {
        var section = configuration.GetSection(T.Section);
        unreadable.AddRange(SettingsTypeCheck.Problems(section, typeof(T)));
        services.AddOptions<T>().Bind(section).ValidateOnStart();
        services.AddSingleton(validator);
        return services;
    }
}
