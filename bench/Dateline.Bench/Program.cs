using BenchmarkDotNet.Running;
using Dateline.Bench;

// dotnet run -c Release --project bench/Dateline.Bench -- extraction DIR [--rounds N]   corpus throughput vs SmartReader
// dotnet run -c Release --project bench/Dateline.Bench -- understanding DIR [--rounds N]   NLP pipeline tokens/s
// dotnet run -c Release --project bench/Dateline.Bench -- ner CONLL [--model FILE] [--rounds N]   entity tagger alone
// dotnet run -c Release --project bench/Dateline.Bench -- syntax CONLLU [--tagger F] [--parser F] [--rounds N]   tagger and parser words/s
// dotnet run -c Release --project bench/Dateline.Bench -- coldstart DIR --cli ./dateline [--rounds N]   whole processes, start-up included
// dotnet run -c Release --project bench/Dateline.Bench -- vectors BBC_DIR [--count N] [--rounds N]   embeddings/s, nearest-vector latency
// dotnet run -c Release --project bench/Dateline.Bench -- kernels [BenchmarkDotNet args]  micro-benchmarks
if (args.Length > 0 && args[0] == "extraction")
{
    return await ExtractionThroughput.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "understanding")
{
    return UnderstandingThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "ner")
{
    return NerThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "syntax")
{
    return SyntaxThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "vectors")
{
    return await VectorThroughput.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "coldstart")
{
    return await ColdStart.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "engine")
{
    return ExtractionThroughput.RunEngine(args[1..]);
}

if (args.Length > 0 && args[0] == "kernels")
{
    BenchmarkSwitcher.FromAssembly(typeof(Kernels).Assembly).Run(args[1..]);
    return 0;
}

Console.Error.WriteLine("usage: Dateline.Bench extraction DIR [--rounds N] | kernels [BenchmarkDotNet args]");
return 2;
