using System.Net.Sockets;
using Npgsql;

namespace CustomerCare.PostgreSql.Internal;

/// <summary>Which failures are worth running the whole transaction again.</summary>
internal static class TransientErrors
{
    /// <summary>Whether <paramref name="exception"/> is transient: the connection went away, the server is restarting, or the transaction lost a race the server resolves by aborting it.</summary>
    public static bool IsTransient(Exception exception)
    {
        switch (exception)
        {
            case PostgresException postgres:
                return postgres.SqlState switch
                {
                    PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable
                        or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.TooManyConnections => true,
                    _ => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.IsTransient,
                };
            case NpgsqlException npgsql:
                // A connection broken under a command (killed backend, restart) surfaces as an NpgsqlException over an I/O error.
                return npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or EndOfStreamException
                    || (npgsql.InnerException is { } inner && IsTransient(inner));
            case IOException or SocketException or EndOfStreamException:
                return true;
            default:
                return false;
        }
    }
}
