namespace CustomerCare.Import;

/// <summary>The bounds one import runs under; <see cref="Default"/> holds the documented <see cref="CsvLimits"/>.</summary>
/// <remarks>Tests lower them to reach a bound without writing ten million rows.</remarks>
internal sealed record CsvReaderLimits(int MaxFieldLength, long MaxFileBytes, int MaxRows, int MaxColumns, int MaxErrors)
{
    public static CsvReaderLimits Default { get; } = new(
        CsvLimits.MaxFieldLength,
        CsvLimits.MaxFileBytes,
        CsvLimits.MaxRows,
        CsvLimits.MaxColumns,
        CsvLimits.MaxErrors);
}
