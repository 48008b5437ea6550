using System.Globalization;
using System.Text;

namespace CustomerCare.Import;

/// <summary>
/// One reason a CSV import was refused, with its position: the file, the physical line the record starts on, the
/// 1-based column (field index), the column name and the value at fault.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ToString"/> reads <c>customers.csv:14:6 (birthday): value '1990-02-30' names a day that does not exist
/// in that month</c>. <see cref="Line"/> is 0 for an error about the file as a whole (too large, not found), and
/// <see cref="Column"/> is 0 when no single field is at fault, such as a column missing from the header.
/// </para>
/// <para>For an unterminated quote, <see cref="Line"/> is the line where the quote opened.</para>
/// </remarks>
/// <param name="File">The name of the source, such as <c>customers.csv</c>.</param>
/// <param name="Line">The 1-based physical line where the record starts; 0 for the whole file.</param>
/// <param name="Column">The 1-based field index; 0 when no single field is at fault.</param>
/// <param name="ColumnName">The header name of the column, when known.</param>
/// <param name="Value">The value at fault, when there is one.</param>
/// <param name="Reason">Why it was refused, as a sentence for people.</param>
public sealed record CsvError(string File, int Line, int Column, string? ColumnName, string? Value, string Reason)
{
    /// <summary>A stable machine-readable code from <see cref="CsvErrorCodes"/> or <see cref="FieldErrorCodes"/>.</summary>
    public string Code { get; init; } = CsvErrorCodes.Invalid;

    /// <summary>Formats the error as <c>file:line:column (column_name): reason</c>, leaving out the parts that are not known.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $":{Line}");
            if (Column > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $":{Column}");
            }
        }

        if (ColumnName is not null)
        {
            text.Append(" (").Append(ColumnName).Append(')');
        }

        return text.Append(": ").Append(Reason).ToString();
    }
}
