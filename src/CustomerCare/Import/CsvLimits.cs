namespace CustomerCare.Import;

/// <summary>
/// The bounds <see cref="CsvImporter"/> puts on its input, so that a hostile or broken file is refused with a clear
/// error instead of exhausting memory.
/// </summary>
public static class CsvLimits
{
    /// <summary>The longest field accepted, in characters (4,096).</summary>
    public const int MaxFieldLength = 4096;

    /// <summary>The largest file accepted, in bytes (512 MiB).</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>The most data rows accepted per file, the header not counted (10 million).</summary>
    public const int MaxRows = 10_000_000;

    /// <summary>The most header columns accepted (64).</summary>
    public const int MaxColumns = 64;

    /// <summary>How many errors are collected before reading stops (100).</summary>
    public const int MaxErrors = 100;
}
