namespace CustomerCare.Import;

/// <summary>
/// One well-formed data record with its header, for the format readers: gets values by column name and reports
/// errors at the row's line and the column's position.
/// </summary>
internal sealed class CsvRow(CsvHeader header, CsvRecord record, CsvErrorSink sink)
{
    public CsvHeader Header => header;

    public int Line => record.Line;

    /// <summary>Whether an error was reported for this row, or a required column is missing from the header.</summary>
    public bool HasErrors { get; private set; }

    public RowRef Ref => new(header, record.Line);

    /// <summary>The value of a column; <see langword="null"/> when the column is absent or the value is blank.</summary>
    public string? Text(string column)
    {
        var index = header.ColumnOf(column);
        if (index == 0)
        {
            return null;
        }

        var value = record.Fields[index - 1];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The value of a required column; reports an error when it is blank.</summary>
    public string? Required(string column)
    {
        var value = Text(column);
        if (value is not null)
        {
            return value;
        }

        if (header.ColumnOf(column) == 0)
        {
            // The header error already names the missing column; the row just cannot be used.
            HasErrors = true;
        }
        else
        {
            Error(column, null, FieldErrorCodes.Required, "is required");
        }

        return null;
    }

    public void Error(string column, string? value, string code, string reason)
    {
        HasErrors = true;
        sink.Add(Ref.Error(column, value, code, reason));
    }

    public void Error(FieldError error)
    {
        HasErrors = true;
        sink.Add(Ref.Error(error));
    }

    /// <summary>Runs a domain constructor, turning its <see cref="FieldValidationException"/> into row errors.</summary>
    public T? Try<T>(Func<T> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (FieldValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                Error(error);
            }

            return null;
        }
    }
}
