namespace CustomerCare.Import;

/// <summary>One record of a CSV file as the reader found it.</summary>
/// <param name="Line">The physical line where the record starts.</param>
/// <param name="Fields">The fields kept: at most as many as the header has, so a hostile line cannot flood memory.</param>
/// <param name="FieldCount">How many fields the record really has.</param>
/// <param name="IsMalformed">Whether the reader already reported an error for the record; its fields are then not trusted.</param>
internal sealed record CsvRecord(int Line, string[] Fields, int FieldCount, bool IsMalformed);
