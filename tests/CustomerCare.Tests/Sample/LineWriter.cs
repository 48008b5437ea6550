using System.Text;

namespace CustomerCare.Tests.Sample;

/// <summary>A text writer that several threads may write to while a test reads what was written so far.</summary>
public sealed class LineWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            _text.Append(value).Append(CoreNewLine);
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    /// <summary>The complete lines written so far.</summary>
    public IReadOnlyList<string> Lines()
    {
        var text = ToString();
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }
}
