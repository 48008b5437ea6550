using System.Globalization;

namespace CustomerCare.Import;

/// <summary>Reads one source: checks its size, its header against the format's columns, and hands each well-formed row on.</summary>
internal static class CsvFileReader
{
    public static async Task ReadAsync(
        CsvSource source,
        IReadOnlyList<CsvColumn> columns,
        CsvReaderLimits limits,
        CsvErrorSink sink,
        Action<CsvRow> onRow,
        CancellationToken cancellationToken)
    {
        try
        {
            var size = source.ByteLength;
            if (size > limits.MaxFileBytes)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"the file has {size:N0} bytes, more than the limit of {limits.MaxFileBytes:N0}; split it into several imports");
                sink.Add(new CsvError(source.Name, 0, 0, null, null, reason) { Code = CsvErrorCodes.FileTooLarge });
                return;
            }

            using var text = source.Open();
            await ReadRowsAsync(source.Name, text, columns, limits, sink, onRow, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            sink.Add(new CsvError(source.Name, 0, 0, null, null, $"the file '{source.Path}' does not exist") { Code = CsvErrorCodes.FileNotFound });
        }
    }

    private static async Task ReadRowsAsync(
        string file,
        TextReader text,
        IReadOnlyList<CsvColumn> columns,
        CsvReaderLimits limits,
        CsvErrorSink sink,
        Action<CsvRow> onRow,
        CancellationToken cancellationToken)
    {
        var reader = new CsvReader(text, file, limits, sink);
        var first = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            if (!reader.StoppedOnError)
            {
                sink.Add(new CsvError(file, 1, 0, null, null, "the file is empty: its first line must be the header row") { Code = CsvErrorCodes.EmptyFile });
            }

            return;
        }

        // Rows cannot be read against a header that is itself broken.
        if (first.IsMalformed)
        {
            return;
        }

        var header = CsvHeader.Read(file, first, columns, sink, limits.MaxColumns);
        if (first.FieldCount > limits.MaxColumns)
        {
            return;
        }

        reader.UseHeader(header.Names);
        while (!sink.IsFull && await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (record.IsMalformed)
            {
                continue;
            }

            if (record.FieldCount != header.Names.Length)
            {
                sink.Add(FieldCountError(file, header, record));
                continue;
            }

            onRow(new CsvRow(header, record, sink));
        }
    }

    private static CsvError FieldCountError(string file, CsvHeader header, CsvRecord record)
    {
        var expected = header.Names.Length;
        var counts = string.Create(CultureInfo.InvariantCulture, $"the record has {record.FieldCount} fields but the header has {expected}");
        if (record.FieldCount > expected)
        {
            return new CsvError(file, record.Line, expected + 1, null, null, counts + "; quote a field that contains a ','") { Code = CsvErrorCodes.FieldCount };
        }

        var missing = header.Names[record.FieldCount];
        var detail = record.FieldCount + 1 == expected ? $": '{missing}' is missing" : $": '{missing}' and the columns after it are missing";
        return new CsvError(file, record.Line, record.FieldCount + 1, missing, null, counts + detail) { Code = CsvErrorCodes.FieldCount };
    }
}
