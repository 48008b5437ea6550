using System.Globalization;
using CustomerCare.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>Runs CustomerCare's jobs in a .NET generic host.</summary>
public static class HostingBuilderExtensions
{
    /// <summary>Runs the built-in jobs with their default schedules; see <see cref="AddHostedJobs(ICustomerCareBuilder, Action{HostedJobsOptions})"/>.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ICustomerCareBuilder AddHostedJobs(this ICustomerCareBuilder builder) => builder.AddHostedJobs(_ => { });

    /// <summary>
    /// Runs the daily campaign run, the SLA escalation sweep, the survey sender, segment re-evaluation, the broken
    /// promise sweep and the outbox dispatcher as a hosted service, on schedules in a time zone, one host per job
    /// through <see cref="Storage.IJobLeaseStore"/> leases. Registers <see cref="JobScheduler"/> too. Calling it again
    /// only adds the further configuration.
    /// </summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configure">Sets the schedules, the holder id and the lease length.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>
    /// A job whose service is not registered is not scheduled: the campaigns need a campaign (<c>AddBirthdayCampaign</c>,
    /// …), the surveys need <c>AddSurveys</c> and an <see cref="ISurveyInvitationSender"/>. The options are validated
    /// when the host starts. Time comes from the registered <see cref="IClock"/>.
    /// </remarks>
    public static ICustomerCareBuilder AddHostedJobs(this ICustomerCareBuilder builder, Action<HostedJobsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.Configure(configure);
        services.AddOptions<HostedJobsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HostedJobsOptions>, HostedJobsOptionsValidator>());
        services.TryAddSingleton(HostedJobsRegistration.CreateScheduler);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HostedJobsService>(sp => new HostedJobsService(
            sp.GetRequiredService<JobScheduler>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<HostedJobsOptions>>().Value,
            (ILogger?)sp.GetService<ILoggerFactory>()?.CreateLogger<HostedJobsService>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)));
        return builder;
    }

    /// <summary>
    /// Runs the built-in jobs with settings from configuration, such as the <c>CustomerCare:HostedJobs</c> section:
    /// <c>HolderId</c>, <c>LeaseDuration</c> and <c>MaxIdle</c> (<c>0:10:00</c>), <c>RunInBackground</c>, and per job
    /// (<c>Campaigns</c>, <c>SlaEscalation</c>, <c>Surveys</c>, <c>Segments</c>, <c>BrokenPromises</c>, <c>Outbox</c>)
    /// <c>Enabled</c>, <c>Exclusive</c> and <c>Schedule</c> (<c>daily 09:00 Europe/Istanbul</c> or <c>every 0:05:00</c>).
    /// </summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configuration">The section.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">A value is malformed, when the options are first read; the error names the setting.</exception>
    public static ICustomerCareBuilder AddHostedJobs(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.AddHostedJobs(options => Bind(configuration, options));
    }

    /// <summary>Runs a job of your own on a schedule, beside the built-in ones (after <c>AddHostedJobs</c>).</summary>
    /// <typeparam name="TJob">The job; constructed by the container, once.</typeparam>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="schedule">When it runs.</param>
    /// <param name="exclusive">Whether one host at a time runs it, under a lease named after <see cref="IHostedJob.Name"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ICustomerCareBuilder AddHostedJob<TJob>(this ICustomerCareBuilder builder, JobSchedule schedule, bool exclusive = true)
        where TJob : class, IHostedJob
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(schedule);
        builder.Services.TryAddSingleton<TJob>();
        builder.Services.AddSingleton(new HostedJobRegistration(sp => sp.GetRequiredService<TJob>(), schedule, exclusive));
        return builder;
    }

    private static void Bind(IConfiguration configuration, HostedJobsOptions options)
    {
        if (configuration[nameof(options.HolderId)] is { } holder)
        {
            options.HolderId = holder;
        }

        options.LeaseDuration = ReadDuration(configuration, nameof(options.LeaseDuration)) ?? options.LeaseDuration;
        options.MaxIdle = ReadDuration(configuration, nameof(options.MaxIdle)) ?? options.MaxIdle;
        options.RunInBackground = ReadBool(configuration, nameof(options.RunInBackground)) ?? options.RunInBackground;
        foreach (var (name, settings) in HostedJobsRegistration.BuiltIn(options))
        {
            var section = configuration.GetSection(name);
            var field = name + ":";
            settings.Enabled = ReadBool(section, nameof(settings.Enabled), field) ?? settings.Enabled;
            settings.Exclusive = ReadBool(section, nameof(settings.Exclusive), field) ?? settings.Exclusive;
            if (section[nameof(settings.Schedule)] is { } schedule)
            {
                settings.Schedule = JobSchedule.Parse(schedule, field + nameof(settings.Schedule));
            }
        }
    }

    private static Duration? ReadDuration(IConfiguration configuration, string key)
    {
        if (configuration[key] is not { } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? Duration.FromTimeSpan(value)
            : throw FieldValidationException.For(key, text, FieldErrorCodes.Malformed, "is not a duration such as 0:10:00");
    }

    private static bool? ReadBool(IConfiguration configuration, string key, string prefix = "")
    {
        if (configuration[key] is not { } text)
        {
            return null;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw FieldValidationException.For(prefix + key, text, FieldErrorCodes.Malformed, "is not true or false");
    }
}
