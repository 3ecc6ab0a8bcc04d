using System.Diagnostics;
using System.Text;

namespace Dateline.Cli.Tests;

/// <summary>Runs the built `dateline` CLI (copied beside the tests) as a real process.</summary>
internal static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "dateline.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("DATELINE_DB");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DATELINE_HOME"] = Testing.RepoPaths.Root;
        return psi;
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, TimeSpan.FromMinutes(4), args);

    /// <summary>Runs the CLI; <paramref name="limit"/> guards against a hang (it is no speed test: benchmarks measure speed).</summary>
    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan limit, params string[] args)
    {
        using var p = Process.Start(StartInfo(workingDirectory, args))!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dateline {string.Join(' ', args)} did not finish in {limit.TotalMinutes} minutes");
        }

        return new Result(p.ExitCode, await stdout, await stderr);
    }
}
