using Microsoft.Extensions.Logging;

namespace CustomerCare.Import;

/// <summary>Source-generated log messages of the CSV import; the success message is <c>Diagnostics.Log.Imported</c>.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "CSV import refused, nothing written: {ErrorCount} errors (more cut: {MoreCut}); first: {FirstError}")]
    public static partial void Refused(ILogger logger, int errorCount, bool moreCut, string firstError);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "CSV import refused, nothing written: the store changed during the import ({Outcome} on {Key})")]
    public static partial void StoreChanged(ILogger logger, string outcome, string key);
}
