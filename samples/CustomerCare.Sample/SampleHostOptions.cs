using System.Globalization;

namespace CustomerCare.Sample;

/// <summary>Where the sample keeps its data and sends its messages, chosen before the host is built.</summary>
/// <param name="Database">The SQLite file, or <see langword="null"/> for another store.</param>
/// <param name="PostgreSql">A PostgreSQL connection string, or <see langword="null"/>.</param>
/// <param name="Smtp">An SMTP server as <c>host:port</c> for e-mail, or <see langword="null"/> to write it to the mailbox <c>email.mbox</c>.</param>
/// <param name="Outbox">The folder the file channels write into; a temporary one, removed with the host, when <see langword="null"/>.</param>
public sealed record SampleHostOptions(string? Database, string? PostgreSql, string? Smtp, string? Outbox)
{
    /// <summary>The SQLite file when no store option is given: <c>customercare.db</c> in the working directory.</summary>
    public const string DefaultDatabase = "customercare.db";

    /// <summary>The folder of the file channels when none is given: <c>customercare-outbox</c> in the working directory.</summary>
    public const string DefaultOutbox = "customercare-outbox";

    /// <summary>Everything in memory, messages to files in a temporary folder removed with the host: what the tests use.</summary>
    public static SampleHostOptions InMemory { get; } = new(null, null, null, null);

    /// <summary>The options that choose the store and the channels, removed from the command line by <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["--db", "--postgres", "--in-memory", "--smtp", "--outbox"];

    /// <summary>Where the simulation records how far it got, beside the database; <see langword="null"/> in memory.</summary>
    public string? CheckpointPath => Database is { } file ? file + ".simulation.json"
        : PostgreSql is not null ? "customercare-postgres.simulation.json"
        : null;

    /// <summary>A name for the store, for the report: the file, <c>PostgreSQL</c>, or <c>memory</c>.</summary>
    public string StoreName => Database ?? (PostgreSql is not null ? "PostgreSQL" : "memory");

    /// <summary>Takes the store and channel options out of a command line, defaulting to the SQLite file.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="rest">The command line without them, for the commands.</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">An option lacks its value, two stores are chosen, or <c>--smtp</c> is not <c>host:port</c>; the message names it.</exception>
    public static SampleHostOptions Parse(IReadOnlyList<string> args, out IReadOnlyList<string> rest)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? database = null, postgres = null, smtp = null, outbox = null;
        var inMemory = false;
        var kept = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            if (name == "--in-memory")
            {
                inMemory = true;
                continue;
            }

            if (!Names.Contains(name, StringComparer.Ordinal))
            {
                kept.Add(args[i]);
                continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new FormatException($"option '{name}' needs a value"));
            switch (name)
            {
                case "--db": database = value; break;
                case "--postgres": postgres = value; break;
                case "--smtp": smtp = CheckSmtp(value); break;
                default: outbox = value; break;
            }
        }

        if ((database is not null ? 1 : 0) + (postgres is not null ? 1 : 0) + (inMemory ? 1 : 0) > 1)
        {
            throw new FormatException("options '--db', '--postgres' and '--in-memory' choose the store; give one of them");
        }

        rest = kept;
        return new SampleHostOptions(inMemory || postgres is not null ? database : database ?? DefaultDatabase, postgres, smtp, outbox ?? DefaultOutbox);
    }

    /// <summary>The SMTP server's host and port.</summary>
    /// <returns>The host and port, or <see langword="null"/> when messages go to files.</returns>
    public (string Host, int Port)? SmtpEndpoint()
    {
        if (Smtp is null)
        {
            return null;
        }

        var colon = Smtp.LastIndexOf(':');
        return (Smtp[..colon], int.Parse(Smtp.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string CheckSmtp(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"option '--smtp': value '{value}' is not host:port, such as 127.0.0.1:2525");
        }

        return value;
    }
}
