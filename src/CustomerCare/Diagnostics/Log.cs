using Microsoft.Extensions.Logging;

namespace CustomerCare.Diagnostics;

/// <summary>Source-generated log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Applied {Kind} event {EventId} to customer {CustomerId}")]
    public static partial void EventApplied(ILogger logger, string kind, string eventId, string customerId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Skipped {Kind} event {EventId}: it was already applied")]
    public static partial void EventDuplicate(ILogger logger, string kind, string eventId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Rejected {Kind} event {EventId}: {Code}: {Reason}")]
    public static partial void EventRejected(ILogger logger, string kind, string eventId, string code, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Version conflict on {Key} while applying event {EventId}; attempt {Attempt}")]
    public static partial void CommitConflict(ILogger logger, string key, string eventId, int attempt);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Imported {Customers} customers, {Orders} orders and {Events} events")]
    public static partial void Imported(ILogger logger, int customers, int orders, int events);
}
