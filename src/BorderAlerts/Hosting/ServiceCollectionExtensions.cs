using BorderAlerts.Core.Panel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using BorderAlerts.Endpoints.Panel;
using BorderAlerts.Endpoints;
using BorderAlerts.Settings;
using System.Net;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Chat;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Commands;
using BorderAlerts.Jobs;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Core.WebSub;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Storage;
using BorderAlerts.Core.Translation;
using BorderAlerts.Translation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Hosting;

/// <summary>The composition root: every service BorderAlerts uses is registered here and nowhere else.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddBorderAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBorderAlertsSettings(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Settings<FetchSettings>(sp) is var f ? new FetchOptions
        {
            UserAgent = f.UserAgent ?? new FetchOptions().UserAgent,
            Timeout = TimeSpan.FromSeconds(f.TimeoutSeconds),
            MaxBodyBytes = f.MaxBodyMegabytes * 1024L * 1024L,
            MaxRedirects = f.MaxRedirects,
            MaxConcurrencyPerHost = f.MaxConcurrencyPerHost,
        } : null!);
        services.AddHttpClient(HttpFeedFetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // redirects are followed by the fetcher, so each hop can be capped and checked
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(15),
                UseCookies = false,
            });
        services.AddSingleton<IFeedFetcher, HttpFeedFetcher>();
        services.AddSingleton<AdminOverlay>();
        services.AddSingleton<IMutes>(sp => sp.GetRequiredService<AdminOverlay>());
        services.AddSingleton<ICronParser, QuartzCronParser>();
        services.AddSingleton<IFeedCatalog>(sp => new FileFeedCatalog(Settings<PathSettings>(sp).FeedsFile, sp.GetRequiredService<ILogger<FileFeedCatalog>>(),
            sp.GetRequiredService<AdminOverlay>(), sp.GetRequiredService<ICronParser>(), Settings<PollingSettings>(sp).FeedDefaults()));
        services.AddSingleton(sp => new Backoff(TimeSpan.FromHours(Settings<PollingSettings>(sp).MaxBackoffHours), Random.Shared.NextDouble));
        services.AddSingleton(sp => new FileRuleSource(Settings<PathSettings>(sp).RulesFile, sp.GetRequiredService<ILogger<FileRuleSource>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AdminOverlay>(), sp.GetRequiredService<IWatchlistCatalog>(),
            Settings<PathSettings>(sp).WatchlistsFile));
        services.AddSingleton<IRuleSource>(sp => sp.GetRequiredService<FileRuleSource>());
        services.AddSingleton<FeedPoller>();
        services.AddSingleton(sp => Settings<PollingSettings>(sp) is var p ? new PollRunnerOptions
        {
            Parallelism = p.Parallelism,
            ClaimBatch = p.ClaimBatch,
            Lease = TimeSpan.FromSeconds(p.LeaseSeconds),
        } : null!);
        services.AddSingleton<PollRunner>();
        // The one place the store provider is picked; everything provider-specific hangs off it.
        var store = StoreProvider.For(configuration.GetSettings<StorageSettings>());
        services.AddSingleton(store);
        store.AddStore(services);
        // With no translator nothing is ever kept, so search does not look (one store read per hit shown).
        services.AddSingleton(sp => new ArchiveSearch(sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<IRuleSource>(),
            sp.GetRequiredService<TimeProvider>(), Settings<TranslationSettings>(sp) is { } t && t.ProviderName() != TranslationSettings.None
                ? new SearchTranslations(sp.GetRequiredService<ITranslationStore>(), t.TargetLanguage) : null));
        return services.AddDelivery().AddTranslator().AddWatchlists().AddBriefings().AddCommands().AddChatEdges().AddPanel().AddWebSub();
    }

    /// <summary>The sanctions watchlists: watchlists.yaml, their refresh (once per cluster) and the copies in force on this instance.</summary>
    static IServiceCollection AddWatchlists(this IServiceCollection services)
    {
        services.AddSingleton(sp => new FileWatchlists(Settings<PathSettings>(sp).WatchlistsFile, sp.GetRequiredService<ILogger<FileWatchlists>>()));
        services.AddSingleton<WatchlistDownload>();
        services.AddSingleton<WatchlistRefresher>();
        services.AddSingleton<StoredWatchlistCatalog>();
        services.AddSingleton<IWatchlistCatalog>(sp => sp.GetRequiredService<StoredWatchlistCatalog>());
        return services;
    }

    static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSingleton<AdminWriter>();
        services.AddSingleton<DeferredReplies>();
        services.AddSingleton<IFeedAddressCheck, FeedAddressCheck>();
        services.AddSingleton<SearchCommands>();
        services.AddSingleton<RuleWrites>();
        services.AddSingleton<AdminHistory>();
        services.AddSingleton<RuleCommands>();
        services.AddSingleton<FeedWrites>();
        services.AddSingleton<FeedDryRun>();
        services.AddSingleton<FeedCommands>();
        services.AddSingleton<MuteCommand>();
        services.AddSingleton<FeedbackCommands>();
        services.AddSingleton<WatchlistCommands>();
        services.AddSingleton<BriefingCommands>();
        services.AddSingleton<PanelCommand>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton(SocketModeCommands.Handlers);
        return services;
    }

    /// <summary>Chat-facing edges: the address guard for feeds added from chat (and its fetch client), Discord command registration, Slack Socket Mode.</summary>
    /// <summary>
    /// The web panel: its sessions, and anti-forgery tokens on its forms (cookie at /panel, SameSite=Strict), signed with
    /// keys kept in the store so every instance accepts every instance's forms. That cookie is
    /// Secure on https requests: ASP.NET refuses to issue an always-Secure one on a plain request behind a TLS proxy.
    /// </summary>
    /// <summary>WebSub: subscriptions only with a public address for hubs to call back (BorderAlerts:PublicUrl).</summary>
    static IServiceCollection AddWebSub(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var (webSub, panel, fetch) = (Settings<WebSubSettings>(sp), Settings<PanelSettings>(sp), Settings<FetchSettings>(sp));
            var callbacks = webSub.Enabled && panel.BaseUrl() is { } url ? new Uri(url + "/websub/") : null;
            return new WebSubOptions(callbacks, TimeSpan.FromHours(webSub.LeaseHours), TimeSpan.FromMinutes(webSub.SafetyMinutes),
                TimeSpan.FromMinutes(webSub.VerifyMinutes), fetch.MaxBodyMegabytes * 1024L * 1024L);
        });
        services.AddSingleton<IHubClient, HttpHubClient>();
        services.AddSingleton<WebSubSubscriber>();
        services.AddSingleton<IPushSources>(sp => sp.GetRequiredService<WebSubSubscriber>());
        return services.AddSingleton<WebSubCallbacks>();
    }

    static IServiceCollection AddPanel(this IServiceCollection services)
    {
        services.AddSingleton<PanelSignIn>();
        services.AddSingleton<PanelSessions>();
        services.AddDataProtection().SetApplicationName("BorderAlerts");
        services.AddOptions<KeyManagementOptions>().Configure<PanelKeyRing>((o, keys) => o.XmlRepository = keys);
        return services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "borderalerts_panel_form";
            o.Cookie.Path = "/panel";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    static IServiceCollection AddChatEdges(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AddressGuard(Settings<FetchSettings>(sp).AllowPrivateAddresses));
        services.AddHttpClient(HttpFeedFetcher.UntrustedClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // each hop is a new request, and each new connection passes the guard
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(15),
                UseCookies = false,
                UseProxy = false, // through a proxy the guard would only see the proxy's address
                ConnectCallback = sp.GetRequiredService<AddressGuard>().ConnectAsync,
            });
        services.AddSingleton<DiscordCommandRegistrar>();
        services.TryAddSingleton(SlackSocketHandlers.NotAvailable); // the command dispatcher registers the real handlers
        services.AddSingleton<SlackSocketOpen>();
        services.AddSingleton<SlackResponseUrl>();
        services.AddSingleton(sp => new SlackRedeliveries(sp.GetRequiredService<ISeenRequests>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackSocketMode>();
        return services;
    }

    static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton(sp => Settings<DeliverySettings>(sp) is var d ? new DeliveryOptions
        {
            MaxAttempts = d.MaxAttempts,
            Timeout = TimeSpan.FromSeconds(d.TimeoutSeconds),
            FloodBudget = d.FloodBudget,
            FloodWindow = TimeSpan.FromMinutes(d.FloodWindowMinutes),
            SuspendFor = TimeSpan.FromMinutes(d.SuspendMinutes),
        } : null!);
        // Webhook URLs carry their token: the chat clients log nothing of their requests.
        services.AddHttpClient(DiscordClient.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddHttpClient(SlackClient.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<DiscordClient>();
        services.AddSingleton<SlackClient>();
        services.AddSingleton<ConsoleSink>();
        services.AddSingleton<IDestinations, DestinationRegistry>();
        services.AddSingleton(sp => Settings<TranslationSettings>(sp) is var t ? new CardLanguageOptions(t.TargetLanguage, t.PublicTranslatorLink) : null!);
        services.AddSingleton<CardFactory>();
        services.AddSingleton<FloodGate>();
        services.AddSingleton<DeliveryRunner>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<SourceHealthMonitor>();
        return services;
    }

    /// <summary>The translator Translation:Provider picks, behind the policy and the daily budget; none sends nothing.</summary>
    static IServiceCollection AddTranslator(this IServiceCollection services)
    {
        // The API key is in every request: the client logs nothing of them.
        services.AddHttpClient(HttpTranslator.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<ITranslator>(sp =>
        {
            var settings = Settings<TranslationSettings>(sp);
            var clock = sp.GetRequiredService<TimeProvider>();
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            Func<HttpClient> http = () => factory.CreateClient(HttpTranslator.ClientName);
            ITranslator? provider = settings.ProviderName() switch
            {
                TranslationSettings.LibreTranslate => new LibreTranslateClient(http, settings, clock),
                TranslationSettings.DeepL => new DeepLClient(http, settings, clock),
                _ => null,
            };
            return provider is null ? new NoTranslator()
                : new PolicyTranslator(provider, new TranslationPolicy(settings.TargetLanguage), new TranslationBudget(settings.DailyCharacterBudget, clock), clock);
        });
        services.AddSingleton(sp => new CardTranslator(sp.GetRequiredService<ITranslator>(), sp.GetRequiredService<ITranslationStore>(),
            new TranslationPolicy(Settings<TranslationSettings>(sp).TargetLanguage), sp.GetRequiredService<TimeProvider>(),
            told: sp.GetRequiredService<ISourceConditions>()));
        services.AddSingleton<LateCardEditor>();
        return services;
    }

    static T Settings<T>(IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
