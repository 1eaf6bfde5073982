#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { DataFileError } from '../data/json-file';
import { InvalidInputError, UnknownIdError } from '../engine/shared/errors';
import { SOFTWARE_VERSION } from '../version';
import { ArgumentError, EXIT_BAD_INPUT } from './errors';

type Registrar = () => Promise<(program: Command) => void>;

const som: Registrar = async () => (await import('./commands/som')).registerSomCommands;
const contracts: Registrar = async () =>
  (await import('./commands/contracts')).registerContractCommands;
const simulate: Registrar = async () =>
  (await import('./commands/simulate')).registerSimulateCommand;
const solve: Registrar = async () => (await import('./commands/solve')).registerSolveCommand;
const report: Registrar = async () => (await import('./commands/report')).registerReportCommand;

/** The module that defines each command, by the name that invokes it (in help order). */
const COMMANDS: Record<string, Registrar> = {
  som,
  project: contracts,
  compare: contracts,
  simulate,
  solve,
  report,
};

/**
 * The `dsi` command. Subcommands call the pure engines directly; only `serve` loads Nest
 * (imported lazily, since loading @nestjs/core alone costs about 0.2 s). A command's module and
 * its engines are loaded only when that command runs (each costs 5–10 ms: `dsi simulate` need
 * not load the solver); help, a version request or an unknown name loads them all.
 */
export async function buildProgram(commandName?: string): Promise<Command> {
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

  const requested =
    commandName === 'serve'
      ? []
      : commandName !== undefined && Object.hasOwn(COMMANDS, commandName)
        ? [COMMANDS[commandName]]
        : Object.values(COMMANDS);
  for (const registrar of new Set(requested)) (await registrar())(program);
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
  // argv as Node gives it: [node, script, command, ...].
  const program = await buildProgram(argv[2]);
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
