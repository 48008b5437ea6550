using System.Globalization;
using System.Text;

namespace CustomerCare.Import;

/// <summary>
/// A strict RFC 4180 reader: comma-separated, fields optionally quoted with <c>"</c> and <c>""</c> for a quote inside,
/// quoted fields spanning lines, CRLF, LF or CR line ends, a leading byte order mark skipped. It reads the text in
/// blocks and keeps only the current record, reporting malformed input to a <see cref="CsvErrorSink"/> with its line
/// and column.
/// </summary>
/// <remarks>
/// Blank lines between records are skipped. After a quote error the rest of the physical line is skipped and reading
/// goes on with the next line. Not thread-safe.
/// </remarks>
internal sealed class CsvReader
{
    private readonly TextReader _reader;
    private readonly string _file;
    private readonly CsvReaderLimits _limits;
    private readonly CsvErrorSink _sink;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private string[] _columnNames = [];
    private int _maxKeptFields;
    private int _position;
    private int _length;
    private long _charsRead;
    private int _rows;
    private bool _done;
    private bool _atStart = true;
    private bool _lastWasCr;
    private int _line = 1;
    private State _state = State.RecordStart;
    private int _recordLine;
    private int _quoteLine;
    private int _fieldCount;
    private bool _fieldTooLong;
    private bool _malformed;

    public CsvReader(TextReader reader, string file, CsvReaderLimits limits, CsvErrorSink sink)
    {
        _reader = reader;
        _file = file;
        _limits = limits;
        _sink = sink;
        _maxKeptFields = limits.MaxColumns + 1;
    }

    private enum State
    {
        RecordStart,
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        SkipToLineEnd,
    }

    /// <summary>Whether reading stopped for good on an error (a bound, bad encoding).</summary>
    public bool StoppedOnError { get; private set; }

    /// <summary>Called once the header is read: data records keep at most this many fields, and errors name them.</summary>
    public void UseHeader(string[] columnNames)
    {
        _columnNames = columnNames;
        _maxKeptFields = columnNames.Length;
    }

    /// <summary>Reads the next record, or <see langword="null"/> at the end of the file or after a fatal error.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        while (!_done)
        {
            while (_position < _length)
            {
                if (Feed(_buffer[_position++]))
                {
                    return TakeRecord();
                }
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return _done ? null : FinishAtEnd();
            }
        }

        return null;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        try
        {
            _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            Fatal(CsvErrorCodes.InvalidEncoding, _line, "the file is not valid UTF-8 text at or after this line; save it as UTF-8");
            return false;
        }

        _position = 0;
        _charsRead += _length;
        if (_charsRead > _limits.MaxFileBytes)
        {
            // Every UTF-8 character takes at least one byte, so more characters than the limit means more bytes.
            Fatal(CsvErrorCodes.FileTooLarge, 0, string.Create(CultureInfo.InvariantCulture, $"the file is larger than the limit of {_limits.MaxFileBytes:N0} bytes"));
            return false;
        }

        return _length > 0;
    }

    /// <summary>Feeds one character; returns <see langword="true"/> when it ends a record.</summary>
    private bool Feed(char c)
    {
        if (_atStart)
        {
            _atStart = false;
            if (c == '\uFEFF')
            {
                return false;
            }
        }

        var newline = false;
        if (c == '\n')
        {
            if (_lastWasCr)
            {
                // The LF of a CRLF: the CR already ended the line.
                _lastWasCr = false;
                if (_state == State.Quoted)
                {
                    Append(c);
                }

                return false;
            }

            newline = true;
        }
        else if (c == '\r')
        {
            newline = true;
        }

        _lastWasCr = c == '\r';
        var lineOfChar = _line;
        if (newline)
        {
            _line++;
        }

        switch (_state)
        {
            case State.RecordStart:
                if (newline)
                {
                    return false;
                }

                _recordLine = lineOfChar;
                _fields.Clear();
                _fieldCount = 0;
                _malformed = false;
                _state = State.FieldStart;
                return StartField(c, newline);
            case State.FieldStart:
                return StartField(c, newline);
            case State.Unquoted:
                if (c == ',')
                {
                    EndField();
                    _state = State.FieldStart;
                    return false;
                }

                if (newline)
                {
                    EndField();
                    return true;
                }

                if (c == '"')
                {
                    FieldError(CsvErrorCodes.QuoteInUnquotedField, _recordLine, "has a '\"' inside a field that does not start with one; quote the whole field and write \"\" for each quote inside it");
                    _state = State.SkipToLineEnd;
                    return false;
                }

                Append(c);
                return false;
            case State.Quoted:
                if (c == '"')
                {
                    _state = State.QuoteInQuoted;
                }
                else
                {
                    Append(c);
                }

                return false;
            case State.QuoteInQuoted:
                if (c == '"')
                {
                    Append(c);
                    _state = State.Quoted;
                    return false;
                }

                if (c == ',')
                {
                    EndField();
                    _state = State.FieldStart;
                    return false;
                }

                if (newline)
                {
                    EndField();
                    return true;
                }

                FieldError(CsvErrorCodes.TextAfterClosingQuote, _recordLine, "has text after the closing '\"' of a quoted field; a quoted field must end at a ',' or at the end of the line");
                _state = State.SkipToLineEnd;
                return false;
            default:
                return newline;
        }
    }

    private bool StartField(char c, bool newline)
    {
        if (c == '"')
        {
            _quoteLine = _line;
            _state = State.Quoted;
            return false;
        }

        if (c == ',')
        {
            EndField();
            return false;
        }

        if (newline)
        {
            EndField();
            return true;
        }

        Append(c);
        _state = State.Unquoted;
        return false;
    }

    private void Append(char c)
    {
        if (_fieldCount >= _maxKeptFields)
        {
            return;
        }

        if (_field.Length < _limits.MaxFieldLength)
        {
            _field.Append(c);
        }
        else if (!_fieldTooLong)
        {
            _fieldTooLong = true;
            FieldError(CsvErrorCodes.FieldTooLong, _recordLine, string.Create(CultureInfo.InvariantCulture, $"is longer than the limit of {_limits.MaxFieldLength:N0} characters"));
        }
    }

    private void EndField()
    {
        if (_fieldCount < _maxKeptFields)
        {
            _fields.Add(_field.ToString());
        }

        _field.Clear();
        _fieldTooLong = false;
        _fieldCount++;
    }

    private CsvRecord? FinishAtEnd()
    {
        _done = true;
        switch (_state)
        {
            case State.RecordStart:
                return null;
            case State.Quoted:
                FieldError(CsvErrorCodes.UnterminatedQuote, _quoteLine, "opens a quoted field that is never closed: the closing '\"' is missing before the end of the file");
                break;
            case State.SkipToLineEnd:
                break;
            default:
                EndField();
                break;
        }

        return TakeRecord();
    }

    private CsvRecord? TakeRecord()
    {
        _state = State.RecordStart;
        _field.Clear();
        _fieldTooLong = false;
        var record = new CsvRecord(_recordLine, [.. _fields], _fieldCount, _malformed);
        if (_columnNames.Length > 0 && ++_rows > _limits.MaxRows)
        {
            Fatal(CsvErrorCodes.TooManyRows, _recordLine, string.Create(CultureInfo.InvariantCulture, $"the file has more than the limit of {_limits.MaxRows:N0} rows; split it into several imports"));
            return null;
        }

        return record;
    }

    private void FieldError(string code, int line, string reason)
    {
        _malformed = true;
        var column = _fieldCount + 1;
        var name = column <= _columnNames.Length ? _columnNames[column - 1] : null;
        _sink.Add(new CsvError(_file, line, column, name, null, reason) { Code = code });
    }

    private void Fatal(string code, int line, string reason)
    {
        _done = true;
        StoppedOnError = true;
        _sink.Add(new CsvError(_file, line, 0, null, null, reason) { Code = code });
    }
}
