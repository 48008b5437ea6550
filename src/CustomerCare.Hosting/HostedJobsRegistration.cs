using CustomerCare.Campaigns;
using CustomerCare.Complaints.Sla;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Hosting.Jobs;
using CustomerCare.Notifications;
using CustomerCare.Policy.Promises;
using CustomerCare.Segments;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Hosting;

/// <summary>Builds the scheduler's job list from the options and what the container holds.</summary>
internal static class HostedJobsRegistration
{
    public static IEnumerable<(string Name, HostedJobOptions Settings)> BuiltIn(HostedJobsOptions options) =>
    [
        (nameof(options.Campaigns), options.Campaigns),
        (nameof(options.SlaEscalation), options.SlaEscalation),
        (nameof(options.Surveys), options.Surveys),
        (nameof(options.Segments), options.Segments),
        (nameof(options.BrokenPromises), options.BrokenPromises),
        (nameof(options.Outbox), options.Outbox),
    ];

    public static JobScheduler CreateScheduler(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<HostedJobsOptions>>().Value;
        var care = services.GetRequiredService<IOptions<CustomerCareOptions>>().Value;
        var zones = services.GetRequiredService<IDateTimeZoneProvider>();
        var jobs = new List<ScheduledJob>();
        // A disabled job's service is not even resolved, so a part the host does not use cannot stop it starting.
        Add(jobs, options.Campaigns, () => services.GetService<CampaignScheduler>() is { } campaigns ? new CampaignJob(campaigns) : null);
        Add(jobs, options.SlaEscalation, () => new SlaEscalationJob(services.GetRequiredService<ComplaintSlaSweep>()));
        Add(jobs, options.Surveys, () =>
        {
            var senders = services.GetServices<ISurveyInvitationSender>().ToArray();
            return senders.Length > 0 && services.GetService<SurveyService>() is { } surveys
                ? new SurveyJob(surveys, services.GetRequiredService<SurveyOptions>(), senders)
                : null;
        });
        Add(jobs, options.Segments, () => new SegmentJob(services.GetRequiredService<SegmentService>()));
        Add(jobs, options.BrokenPromises, () => new BrokenPromiseJob(services.GetRequiredService<BrokenPromiseDetector>()));
        Add(jobs, options.Outbox, () => new OutboxJob(services.GetRequiredService<OutboxDispatcher>()));
        foreach (var registration in services.GetServices<HostedJobRegistration>())
        {
            jobs.Add(new ScheduledJob(registration.Create(services), registration.Schedule, registration.Exclusive));
        }

        return new JobScheduler(
            jobs,
            services.GetRequiredService<IJobLeaseStore>(),
            services.GetRequiredService<IClock>(),
            CustomerCare.Customers.TimeZones.Resolve(care.DefaultTimeZone, zones),
            options,
            (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger<JobScheduler>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    private static void Add(List<ScheduledJob> jobs, HostedJobOptions settings, Func<IHostedJob?> create)
    {
        if (settings.Enabled && create() is { } job)
        {
            jobs.Add(new ScheduledJob(job, settings.Schedule, settings.Exclusive));
        }
    }
}
