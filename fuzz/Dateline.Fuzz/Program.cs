using Dateline.Fuzz;

// dateline-fuzz TARGET            run under AFL++ (afl-fuzz … -- dotnet Dateline.Fuzz.dll TARGET), input on stdin
// dateline-fuzz TARGET PATH...    replay files or folders through the target; exit 1 on the first exception
if (args.Length == 0 || !FuzzTargetNames.All.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: Dateline.Fuzz TARGET [PATH...]; targets: {string.Join(", ", FuzzTargetNames.All)}");
    return 2;
}

if (args.Length == 1)
{
    // Instrumented code (the readers) runs only inside Run, after SharpFuzz has set up the coverage map.
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        FuzzTargets.All[args[0]](buffer.ToArray());
    });
    return 0;
}

var target = FuzzTargets.All[args[0]];
var files = args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal).ToList();
foreach (var file in files)
{
    try
    {
        target(File.ReadAllBytes(file));
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"{file}: {ex}");
        return 1;
    }
}

Console.Error.WriteLine($"{args[0]}: {files.Count} inputs, no exception");
return 0;
