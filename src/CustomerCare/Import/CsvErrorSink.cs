namespace CustomerCare.Import;

/// <summary>Collects the errors of one import up to a cap, and says when reading should stop.</summary>
internal sealed class CsvErrorSink(int maxErrors)
{
    private readonly List<CsvError> _errors = [];

    public IReadOnlyList<CsvError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Whether an error arrived after the cap; the import then stops reading and says more were cut.</summary>
    public bool IsFull { get; private set; }

    public void Add(CsvError error)
    {
        if (_errors.Count < maxErrors)
        {
            _errors.Add(error);
        }
        else
        {
            IsFull = true;
        }
    }

    /// <summary>The errors in file order, then by line and column, so a reader can fix a file top to bottom.</summary>
    public IReadOnlyList<CsvError> Sorted(string[] fileOrder) =>
        _errors
            .OrderBy(e => Array.IndexOf(fileOrder, e.File) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToArray();
}
