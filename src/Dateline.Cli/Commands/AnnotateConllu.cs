using Dateline.Core.Documents;
using Dateline.Nlp.Syntax;

namespace Dateline.Cli.Commands;

/// <summary>The CoNLL-U side of <c>annotate</c>: gold-tokenised CoNLL-U in, and CoNLL-U out for any input.</summary>
internal static class AnnotateConllu
{
    /// <summary>
    /// Annotates each sentence of CoNLL-U input and writes it as soon as it is done. A broken sentence is reported on
    /// stderr as <c>FILE [line N]: reason</c> and skipped; the exit code is then <see cref="ExitCodes.PartialSuccess"/>.
    /// </summary>
    public static async Task<int> RunAsync(TextReader input, string source, TextWriter output, CancellationToken ct)
    {
        var model = SyntaxModels.Default;
        var skipped = 0;
        foreach (var sentence in Conllu.Read(input, source, e =>
        {
            skipped++;
            Console.Error.WriteLine(e.Message);
        }))
        {
            ct.ThrowIfCancellationRequested();
            Conllu.Write(output, ConlluAnnotation.Annotate(sentence, model));
            await output.FlushAsync(ct);
        }

        return skipped > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
    }

    /// <summary>An analysed document as CoNLL-U, opened by <c># newdoc id = ID</c>.</summary>
    public static void WriteDocument(TextWriter output, Document doc)
    {
        output.Write($"# newdoc id = {doc.Id}\n");
        foreach (var sentence in ConlluAnnotation.FromDocument(doc))
        {
            Conllu.Write(output, sentence);
        }
    }
}
