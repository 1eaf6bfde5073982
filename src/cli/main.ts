#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { DataFileError } from '../data/json-file';
import { InvalidInputError, UnknownIdError } from '../engine/shared/errors';
import { SOFTWARE_VERSION } from '../version';
import { registerContractCommands } from './commands/contracts';
import { registerReportCommand } from './commands/report';
import { registerSimulateCommand } from './commands/simulate';
import { registerSolveCommand } from './commands/solve';
import { registerSomCommands } from './commands/som';
import { ArgumentError, EXIT_BAD_INPUT } from './errors';

/**
 * The `dsi` command. Subcommands call the pure engines directly; only `serve` loads Nest
 * (imported lazily, since loading @nestjs/core alone costs about 0.2 s).
 */
export function buildProgram(): Command {
  const program = new Command('dsi')
    .description('DSI simulator: outcome contracts, Monte Carlo and SØM valuation')
    .version(SOFTWARE_VERSION)
    .showHelpAfterError(false);

  program
    .command('serve')
    .description('start the HTTP service and web page (PORT, DSI_DATABASE)')
    .action(async () => {
      const { serve } = await import('../main');
      await serve();
    });

  registerSomCommands(program);
  registerContractCommands(program);
  registerSimulateCommand(program);
  registerSolveCommand(program);
  registerReportCommand(program);
  return program;
}

/** Errors that are the user's input: reported on stderr with exit code 2. */
function isBadInput(error: unknown): error is Error {
  return (
    error instanceof ArgumentError ||
    error instanceof DataFileError ||
    error instanceof UnknownIdError ||
    error instanceof InvalidInputError ||
    (error instanceof Error && error.name === 'ConfigurationError')
  );
}

export async function run(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  program.commands.forEach(function configure(c: Command): void {
    c.exitOverride();
    c.commands.forEach(configure);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parse error (unknown option, bad value) is bad input.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
      return;
    }
    if (isBadInput(error)) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    throw error;
  }
}

if (require.main === module) {
  run(process.argv).catch((error: Error) => {
    process.stderr.write(`internal error: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
