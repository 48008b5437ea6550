using System.Text;

namespace CustomerCare.Import;

/// <summary>Where one CSV file of an import comes from: a file on disk or text in memory, with the name errors show.</summary>
/// <remarks>
/// A source is only a description; nothing is opened until <see cref="CsvImporter.ImportAsync"/> reads it, and a file
/// is then read as a stream rather than loaded whole. Instances are immutable and may be reused.
/// </remarks>
public sealed class CsvSource
{
    // Invalid bytes throw instead of turning into U+FFFD, so a file saved as Windows-1254 is refused, not garbled.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string? _text;

    private CsvSource(string name, string? path, string? text)
    {
        Name = name;
        Path = path;
        _text = text;
    }

    /// <summary>The name errors show, such as <c>customers.csv</c>: the file name without its folder, or the name given.</summary>
    public string Name { get; }

    /// <summary>The full path of the file, or <see langword="null"/> for text.</summary>
    public string? Path { get; }

    /// <summary>A file on disk, read as UTF-8 with or without a byte order mark.</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public static CsvSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        return new CsvSource(System.IO.Path.GetFileName(fullPath), fullPath, null);
    }

    /// <summary>CSV text already in memory, such as an upload or a test fixture.</summary>
    /// <param name="name">The name errors show, such as <c>customers.csv</c>.</param>
    /// <param name="text">The CSV text.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static CsvSource FromText(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        return new CsvSource(name, null, text);
    }

    /// <inheritdoc />
    public override string ToString() => Path ?? Name;

    /// <summary>The size in bytes when it is known before reading: the file length, or the UTF-8 length of the text.</summary>
    internal long ByteLength => Path is null ? Encoding.UTF8.GetByteCount(_text!) : new FileInfo(Path).Length;

    /// <summary>Opens a reader that decodes strict UTF-8; the byte order mark is left for the CSV reader to skip.</summary>
    internal TextReader Open()
    {
        if (Path is null)
        {
            return new StringReader(_text!);
        }

        var stream = new FileStream(Path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 64 * 1024,
        });
        return new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: false);
    }
}
