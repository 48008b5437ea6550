using System.Globalization;

namespace CustomerCare.MailKit.Tests;

public sealed class ChannelsEmailDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Root(), "docs", "channels-email.md"));

    [Fact]
    public void EverySmtpOption_HasARowInTheDocTable_WithItsDefault()
    {
        var defaults = new SmtpChannelOptions();
        var rows = Doc.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        foreach (var property in typeof(SmtpChannelOptions).GetProperties())
        {
            var row = rows.FirstOrDefault(r => r.Contains("`" + property.Name + "`", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/channels-email.md has no row for {property.Name}");
            var value = property.GetValue(defaults);
            var shown = value switch
            {
                TimeSpan span => "`" + span.ToString("c", CultureInfo.InvariantCulture) + "`",
                int number => "`" + number.ToString(CultureInfo.InvariantCulture) + "`",
                SmtpSecureSocket socket => "`" + socket + "`",
                null when property.Name == nameof(SmtpChannelOptions.MessageIdDomain) => "domain of `From`",
                null => "none",
                _ => "—",
            };
            Assert.Contains("| " + shown + " |", row, StringComparison.Ordinal);
        }
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CustomerCare.sln not found above " + AppContext.BaseDirectory);
    }
}
