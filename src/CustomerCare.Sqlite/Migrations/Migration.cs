namespace CustomerCare.Sqlite.Migrations;

/// <summary>One versioned schema change: a SQL script run in one transaction.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
