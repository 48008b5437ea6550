using System.Globalization;
using CustomerCare.Text;

namespace CustomerCare.Import;

/// <summary>
/// The header row of one file, checked against the columns of its format: names are matched without regard to case or
/// surrounding spaces; a duplicate, unknown or missing required column is an error with a hint.
/// </summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexes;

    private CsvHeader(string file, string[] names, Dictionary<string, int> indexes)
    {
        File = file;
        Names = names;
        _indexes = indexes;
    }

    public string File { get; }

    /// <summary>The header names as known columns (the canonical spelling), in file order; unknown ones as written.</summary>
    public string[] Names { get; }

    /// <summary>The 1-based column of a known column, or 0 when the file does not have it.</summary>
    public int ColumnOf(string name) => _indexes.TryGetValue(name, out var index) ? index + 1 : 0;

    public static CsvHeader Read(string file, CsvRecord record, IReadOnlyList<CsvColumn> columns, CsvErrorSink sink, int maxColumns)
    {
        var names = new string[Math.Min(record.FieldCount, record.Fields.Length)];
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (record.FieldCount > maxColumns)
        {
            sink.Add(new CsvError(file, record.Line, maxColumns + 1, null, null, string.Create(CultureInfo.InvariantCulture, $"the header has {record.FieldCount} columns; at most {maxColumns} are allowed")) { Code = CsvErrorCodes.TooManyColumns });
            return new CsvHeader(file, names, indexes);
        }

        for (var i = 0; i < names.Length; i++)
        {
            var written = record.Fields[i];
            var known = columns.FirstOrDefault(c => string.Equals(c.Name, written.Trim(), StringComparison.OrdinalIgnoreCase));
            names[i] = known?.Name ?? written;
            if (known is null)
            {
                var hint = string.IsNullOrWhiteSpace(written) ? "is blank" : $"is not a column of this file; did you mean '{Closest(written, columns)}'?";
                sink.Add(new CsvError(file, record.Line, i + 1, written, written, Describe(written, hint)) { Code = CsvErrorCodes.UnknownColumn });
            }
            else if (indexes.TryGetValue(known.Name, out var first))
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"repeats the column first given at column {first + 1}");
                sink.Add(new CsvError(file, record.Line, i + 1, known.Name, written, Describe(written, reason)) { Code = CsvErrorCodes.DuplicateColumn });
            }
            else
            {
                indexes[known.Name] = i;
            }
        }

        foreach (var column in columns.Where(c => c.Required && !indexes.ContainsKey(c.Name)))
        {
            sink.Add(new CsvError(file, record.Line, 0, column.Name, null, $"the required column '{column.Name}' is missing from the header") { Code = CsvErrorCodes.MissingColumn });
        }

        return new CsvHeader(file, names, indexes);
    }

    private static string Describe(string value, string reason) => $"header '{FieldErrors.Quote(value)}' {reason}";

    /// <summary>The known column nearest by edit distance, ignoring case, spaces, dashes and underscores.</summary>
    private static string Closest(string written, IReadOnlyList<CsvColumn> columns)
    {
        var key = Normalize(written);
        return columns.MinBy(c => EditDistance.Between(key, Normalize(c.Name)))!.Name;
    }

    private static string Normalize(string text) =>
        new(text.Trim().ToLowerInvariant().Where(c => c is not ('_' or '-' or ' ')).ToArray());
}
