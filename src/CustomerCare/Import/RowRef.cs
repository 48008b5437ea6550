namespace CustomerCare.Import;

/// <summary>Where a row came from, kept with what it produced so that later checks can point back at it.</summary>
internal readonly record struct RowRef(CsvHeader Header, int Line)
{
    public string File => Header.File;

    public CsvError Error(string column, string? value, string code, string reason)
    {
        var text = value is null ? reason : $"value '{FieldErrors.Quote(value)}' {reason}";
        return new CsvError(File, Line, Header.ColumnOf(column), column, value, text) { Code = code };
    }

    /// <summary>An error from a domain <see cref="FieldError"/>, whose field names the column.</summary>
    public CsvError Error(FieldError error) =>
        new CsvError(File, Line, Header.ColumnOf(error.Field), error.Field, error.AttemptedValue, ReasonOf(error.Field, error.Message)) { Code = error.Code };

    /// <summary>Drops the <c>field 'x': </c> prefix of a domain message, since the CSV position already names the column.</summary>
    public static string ReasonOf(string? field, string message)
    {
        var prefix = $"field '{field}': ";
        return field is not null && message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }
}
