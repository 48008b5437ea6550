namespace CustomerCare.Import;

/// <summary>One column of a CSV format: its header name and whether every file must have it.</summary>
internal sealed record CsvColumn(string Name, bool Required);
