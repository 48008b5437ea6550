using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerCare.Hosting;

/// <summary>The hosting package's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Job {Job} succeeded (due {ScheduledFor}, token {Token}): {Detail}; next at {NextAt}")]
    public static partial void JobSucceeded(ILogger logger, string job, Instant scheduledFor, long? token, string? detail, Instant nextAt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Job {Job} failed (due {ScheduledFor}); it runs again at {NextAt}")]
    public static partial void JobFailed(ILogger logger, Exception exception, string job, Instant scheduledFor, Instant nextAt);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Job {Job} skipped: {Holder} holds its lease until {ExpiresAt}; next try at {NextAt}")]
    public static partial void LeaseHeld(ILogger logger, string job, string holder, Instant? expiresAt, Instant nextAt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Job {Job} was cancelled by shutdown (due {ScheduledFor}); its lease is released")]
    public static partial void JobCancelled(ILogger logger, string job, Instant scheduledFor);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Job {Job} lost its lease to another host part way through and stopped")]
    public static partial void LeaseLost(ILogger logger, string job);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Hosted jobs of {Holder}: {Jobs}")]
    public static partial void Scheduled(ILogger logger, string holder, string jobs);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Could not release the lease of job {Job} at shutdown; it ends by itself at {ExpiresAt}")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string job, Instant expiresAt);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "The hosted job loop failed; it tries again after {Wait}")]
    public static partial void LoopFailed(ILogger logger, Exception exception, Duration wait);
}
