using System.Globalization;
using System.Text;

namespace CustomerCare.Import;

/// <summary>
/// Thrown when a CSV import is refused. Nothing was written: the import is all-or-nothing.
/// </summary>
/// <remarks>
/// <see cref="Errors"/> holds every error found, up to <see cref="CsvLimits.MaxErrors"/>; when more existed, reading
/// stopped and <see cref="MoreErrorsCut"/> is <see langword="true"/>. The message lists the first
/// <see cref="ErrorsInMessage"/> errors, one per line.
/// </remarks>
public sealed class CsvImportException : Exception
{
    /// <summary>How many errors the message lists.</summary>
    public const int ErrorsInMessage = 10;

    /// <summary>Creates the exception without errors.</summary>
    public CsvImportException()
        : this("The CSV import was refused; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message and without errors.</summary>
    /// <param name="message">Why the import was refused.</param>
    public CsvImportException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message, a cause and without errors.</summary>
    /// <param name="message">Why the import was refused.</param>
    /// <param name="innerException">The cause.</param>
    public CsvImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates the exception for the errors found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public CsvImportException(IReadOnlyList<CsvError> errors)
        : this(errors, moreErrorsCut: false)
    {
    }

    /// <summary>Creates the exception for the errors found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <param name="moreErrorsCut">Whether reading stopped because the error limit was reached.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public CsvImportException(IReadOnlyList<CsvError> errors, bool moreErrorsCut)
        : base(BuildMessage(errors, moreErrorsCut))
    {
        Errors = errors;
        MoreErrorsCut = moreErrorsCut;
    }

    /// <summary>The errors, ordered by file, line and column.</summary>
    public IReadOnlyList<CsvError> Errors { get; }

    /// <summary>Whether there were more errors than <see cref="CsvLimits.MaxErrors"/>, and reading stopped.</summary>
    public bool MoreErrorsCut { get; }

    private static string BuildMessage(IReadOnlyList<CsvError> errors, bool moreErrorsCut)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        var n = errors.Count;
        var count = moreErrorsCut
            ? string.Create(CultureInfo.InvariantCulture, $"more than {n} errors (reading stopped after the first {n})")
            : n == 1 ? "1 error" : string.Create(CultureInfo.InvariantCulture, $"{n} errors");
        var message = new StringBuilder("The CSV import was refused and nothing was written: ").Append(count).Append('.');
        foreach (var error in errors.Take(ErrorsInMessage))
        {
            message.Append('\n').Append("  ").Append(error);
        }

        if (errors.Count > ErrorsInMessage)
        {
            message.Append('\n').Append(CultureInfo.InvariantCulture, $"  … and {n - ErrorsInMessage} more; see Errors.");
        }

        return message.ToString();
    }
}
